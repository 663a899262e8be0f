export { type DailyPaths, DEFAULT_ALERT_RULES, dailyContext, dailyScheduleOf, readAlertRules } from './daily-context';
export { DAILY_ACTOR, dailyHandler, dailyPoller } from './daily-worker';
