export { type DeliverLettersOptions, deliverLetters, type LetterDelivery } from './deliver-letters';
export { type LetterMail, letterMail } from './letter-mail';
export { type DunningRunAndDelivery, type DunningRunInput, runAndDeliverDunning } from './run-and-deliver';
export { writeLetters } from './write-letters';
