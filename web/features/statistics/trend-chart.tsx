/**
 * One scope's trend over the stored days as a line chart (Observable Plot). The library (with
 * d3) is loaded only when a chart is first drawn — its own chunk — so the statistics page stays
 * light. The chart is an image with a text label; the table next to it carries the same figures
 * (the accessible alternative). Days under the small-cell threshold (null) are left out of the
 * line; with no published day at all, no chart is drawn.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface TrendPoint {
  computedOn: string;
  value: number | null;
}

export function TrendChart({ points, label, percent }: { points: readonly TrendPoint[]; label: string; percent: boolean }) {
  const { t } = useTranslation('statistics');
  const container = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const published = points.filter((p): p is { computedOn: string; value: number } => p.value !== null);

  useEffect(() => {
    if (published.length === 0) return;
    let cancelled = false;
    let chart: Element | undefined;
    void import('@observablehq/plot').then((Plot) => {
      if (cancelled || !container.current) return;
      const data = published.map((p) => ({ date: new Date(`${p.computedOn}T00:00:00Z`), value: p.value }));
      chart = Plot.plot({
        ariaLabel: label,
        className: 'sejour-plot',
        width: Math.min(container.current.clientWidth || 640, 900),
        height: 280,
        marginLeft: 56,
        x: { type: 'utc', label: null },
        y: { grid: true, label: null, zero: true, ...(percent ? { tickFormat: '.0%' } : {}) },
        marks: [Plot.ruleY([0]), Plot.lineY(data, { x: 'date', y: 'value', stroke: '#000091' }), Plot.dot(data, { x: 'date', y: 'value', fill: '#000091', r: 3 })],
      });
      // Plot adds an inline <style> element, which the Content-Security-Policy (style-src 'self')
      // forbids: drop it while the chart is still detached; statistics.css has the same rules.
      chart.querySelector('style')?.remove();
      // The chart is one image (its label says what it shows; the table has the figures): Plot's
      // labels on inner groups are not allowed there (axe: aria-prohibited-attr).
      for (const inner of chart.querySelectorAll('[aria-label], [aria-description]')) {
        inner.removeAttribute('aria-label');
        inner.removeAttribute('aria-description');
      }
      chart.setAttribute('role', 'img');
      container.current.replaceChildren(chart);
      setReady(true);
    });
    return () => {
      cancelled = true;
      chart?.remove();
    };
    // Redraw when the figures or the label change; `published` is derived from `points`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [points, label, percent]);

  if (published.length === 0) return null;
  return (
    <figure className="sejour-stat-chart" data-testid="trend-chart">
      {!ready && <p>{t('chart.loading')}</p>}
      <div ref={container} />
      <figcaption className="fr-text--sm">{label}</figcaption>
    </figure>
  );
}
