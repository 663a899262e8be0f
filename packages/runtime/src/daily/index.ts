export { type DailyPaths, DEFAULT_ALERT_RULES, dailyContext, readAlertRules } from './daily-context';
