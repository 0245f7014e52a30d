import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  Legend,
} from 'recharts';
import { formatKronor } from '../../shared/money';
import { useProc } from '../data/useProc';
import { QueryErrors } from '../data/QueryErrors';

function Chart({
  title,
  children,
  summary,
  empty,
}: {
  title: string;
  children: React.ReactElement;
  summary: string;
  empty?: boolean;
}) {
  return (
    <figure className="chart card">
      <figcaption>
        <h2>{title}</h2>
      </figcaption>
      {empty ? (
        <p className="muted chart-empty">Inga uppgifter för perioden ännu.</p>
      ) : (
        <div style={{ width: '100%', height: 200 }}>
          <ResponsiveContainer>{children}</ResponsiveContainer>
        </div>
      )}
      {/* The same figures as text, for screen readers. */}
      <p className="sr-only">{summary}</p>
    </figure>
  );
}

/** Queue and wait over time, active assignments, payouts per month, decisions past three months per quarter. */
export function TrendCharts() {
  const trends = useProc('dashboard.trends', {});
  const t = trends.data;
  if (!t) return <QueryErrors of={[trends]} />;
  const months = t.months.map((m) => ({ ...m, label: m.month /* ÅÅÅÅ-MM */, payouts: Math.round(m.payoutsOre / 100) }));
  const text = (f: (m: (typeof months)[number]) => string) => months.map((m) => `${m.month}: ${f(m)}`).join(', ');
  return (
    <div className="charts" aria-label="Utveckling">
      <Chart
        title="Kö och väntetid"
        empty={months.every((m) => m.queueLength === 0)}
        summary={text((m) => `${m.queueLength} i kö, snitt ${m.averageWaitDays ?? 0} dagar`)}
      >
        <LineChart data={months}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" fontSize={11} />
          <YAxis yAxisId="l" allowDecimals={false} fontSize={11} />
          <YAxis yAxisId="r" orientation="right" fontSize={11} />
          <Tooltip />
          <Legend />
          <Line
            yAxisId="l"
            type="monotone"
            dataKey="queueLength"
            name="I kön"
            stroke="#1f5f99"
            isAnimationActive={false}
          />
          <Line
            yAxisId="r"
            type="monotone"
            dataKey="averageWaitDays"
            name="Snittväntan (dagar)"
            stroke="#c9a227"
            isAnimationActive={false}
          />
        </LineChart>
      </Chart>
      <Chart
        title="Aktiva uppdrag per månad"
        empty={months.every((m) => m.activeAssignments === 0)}
        summary={text((m) => `${m.activeAssignments} aktiva`)}
      >
        <BarChart data={months}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Bar dataKey="activeAssignments" name="Aktiva uppdrag" fill="#1e6b3a" isAnimationActive={false} />
        </BarChart>
      </Chart>
      <Chart
        title="Utbetalt per månad (netto, kr)"
        empty={months.every((m) => m.payouts === 0)}
        summary={text((m) => formatKronor(m.payoutsOre))}
      >
        <BarChart data={months}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" fontSize={11} />
          <YAxis fontSize={11} />
          <Tooltip formatter={(v) => formatKronor(Number(v) * 100)} />
          <Bar dataKey="payouts" name="Utbetalt" fill="#34608c" isAnimationActive={false} />
        </BarChart>
      </Chart>
      <Chart
        title="Beslut över tre månader (IVO) per kvartal"
        empty={t.quarters.every((q) => q.overdueDecisions === 0)}
        summary={t.quarters.map((q) => `${q.quarter}: ${q.overdueDecisions}`).join(', ')}
      >
        <BarChart data={t.quarters}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="quarter" fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip />
          <Bar dataKey="overdueDecisions" name="Att rapportera" fill="#b3261e" isAnimationActive={false} />
        </BarChart>
      </Chart>
    </div>
  );
}
