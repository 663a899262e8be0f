import type { Example, Facts } from './examples';

const IFRS9_RATES = { not_due: '0.3%', '1-30': '1.6%', '31-60': '3.6%', '61-90': '6.6%', '90+': '10.6%' };

/** Issue 17: the expected credit loss and the payment-date model (routes/forecast.ts). */
export function forecastExamples(_f: Facts): Record<string, Example[]> {
  return {
    eclReport: [
      {
        name: 'roll rates over six months, in EUR, with a comparison',
        as: 'credit_manager',
        method: 'GET',
        path: '/api/v1/reports/ecl?asOf=2026-06-30&months=6&factor=1.1&compare=2026-03-31&currency=EUR',
        status: 200,
      },
      {
        name: 'bad factor',
        as: 'credit_manager',
        method: 'GET',
        path: '/api/v1/reports/ecl?factor=lots&currency=EUR',
        status: 400,
      },
    ],
    eclReportWithRates: [
      {
        name: 'the IFRS 9 illustrative rates',
        as: 'admin',
        method: 'POST',
        path: '/api/v1/reports/ecl',
        body: { asOf: '2026-06-30', rates: IFRS9_RATES, currency: 'EUR' },
        status: 200,
      },
      {
        name: 'a bucket without a rate',
        as: 'admin',
        method: 'POST',
        path: '/api/v1/reports/ecl',
        body: { asOf: '2026-06-30', rates: { not_due: '0.3%' }, currency: 'EUR' },
        status: 422,
      },
    ],
    trainForecast: [
      {
        name: 'train as of the end of March',
        as: 'credit_manager',
        method: 'POST',
        path: '/api/v1/forecast/train',
        body: { until: '2026-03-31' },
        status: 201,
      },
      {
        name: 'not a date',
        as: 'credit_manager',
        method: 'POST',
        path: '/api/v1/forecast/train',
        body: { until: '31/03/2026' },
        status: 400,
      },
    ],
    backtestForecast: [
      {
        name: 'train as of March, predict April to June',
        as: 'credit_manager',
        method: 'POST',
        path: '/api/v1/forecast/backtest',
        body: { trainUntil: '2026-03-31', to: '2026-06-30' },
        status: 200,
      },
      {
        name: 'to before trainUntil',
        as: 'credit_manager',
        method: 'POST',
        path: '/api/v1/forecast/backtest',
        body: { trainUntil: '2026-03-31', to: '2026-01-31' },
        status: 422,
      },
    ],
    cashForecast: [
      {
        name: '13 weeks and 3 months in EUR, per currency',
        as: 'collector',
        method: 'GET',
        path: '/api/v1/forecast/cash?asOf=2026-06-30&currency=EUR&by=currency',
        status: 200,
      },
      {
        name: 'too many weeks',
        as: 'credit_manager',
        method: 'GET',
        path: '/api/v1/forecast/cash?weeks=500',
        status: 400,
      },
    ],
    cashForecastAccuracy: [
      {
        name: 'the weeks over by the end of June',
        as: 'credit_manager',
        method: 'GET',
        path: '/api/v1/forecast/cash/accuracy?asOf=2026-06-30&currency=EUR',
        status: 200,
      },
      {
        name: 'not a date',
        as: 'credit_manager',
        method: 'GET',
        path: '/api/v1/forecast/cash/accuracy?asOf=30.06.2026',
        status: 400,
      },
    ],
  };
}
