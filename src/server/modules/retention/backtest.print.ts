import type { BacktestResult } from '../../../domain/retention';

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

/** The back-test as text (the `talentzone backtest` command and the benchmark). */
export function printBacktest(result: BacktestResult & { from: string; to: string; loadMs: number; replayMs: number }) {
  const lines = [
    `back-test ${result.from} … ${result.to}: ${result.talents} talents, ${result.events} events, ${result.months.length} months scored, horizon ${result.horizonMonths} months`,
    `read ${(result.loadMs / 1000).toFixed(1)} s, replay ${(result.replayMs / 1000).toFixed(1)} s`,
    '',
    'month    in zone  leavers  model top-10% capture  P@50   baseline top-10% capture  P@50',
    ...result.months.map((month) =>
      `${month.month}  ${String(month.population).padStart(7)}  ${String(month.leavers).padStart(7)}  ${percent(month.model.topDecileCapture).padStart(22)}  ${percent(month.model.precisionAt50).padStart(6)}  ${percent(month.baseline.topDecileCapture).padStart(25)}  ${percent(month.baseline.precisionAt50).padStart(6)}`),
    '',
    `pooled: model top-decile capture ${percent(result.model.topDecileCapture)}, precision at 50 ${percent(result.model.precisionAt50)}; ` +
      `baseline (years in zone only) ${percent(result.baseline.topDecileCapture)}, ${percent(result.baseline.precisionAt50)}`,
  ];
  return lines.join('\n');
}
