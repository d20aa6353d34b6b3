import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import map from './departements-map.json';

interface MapDepartement {
  code: string;
  name: string;
  d: string;
  inset: boolean;
}

/**
 * France by département, metropolitan and overseas (insets on the left). Each département is a
 * link — reachable with Tab, named for screen readers — to its préfecture's page. The list beside
 * the map is the accessible alternative; this drawing is an extra.
 */
export function DepartementsMap({
  current,
  levelOf,
  hrefOf = (code) => `/prefectures/${code}`,
  labelOf,
}: {
  current?: string;
  /** Colour class 0–4 for a choropleth (statistics page); undefined: the plain colour. */
  levelOf?: (code: string) => number | undefined;
  hrefOf?: (code: string) => string;
  /** Extra text after the name in the tooltip and accessible name (e.g. the figure shown). */
  labelOf?: (code: string) => string;
}) {
  const { t } = useTranslation('directory');
  const departements = map.departements as MapDepartement[];
  return (
    <figure className="fr-m-0">
      <svg className="sejour-map" viewBox={map.viewBox} role="group" aria-labelledby="sejour-map-title">
        <title id="sejour-map-title">{t('map.title')}</title>
        {map.insets.map((inset) => (
          <rect key={inset.code} className="sejour-map-inset" x={inset.x + 1} y={inset.y + 1} width={inset.width - 2} height={inset.height - 2} />
        ))}
        {departements.map((d) => (
          <Link
            key={d.code}
            to={hrefOf(d.code)}
            aria-label={`${t('map.departement', { name: d.name, code: d.code })}${labelOf ? ` — ${labelOf(d.code)}` : ''}`}
            aria-current={d.code === current ? 'true' : undefined}
          >
            <path d={d.d} data-level={levelOf?.(d.code)}>
              <title>{`${d.name} (${d.code})${labelOf ? ` — ${labelOf(d.code)}` : ''}`}</title>
            </path>
          </Link>
        ))}
      </svg>
      <figcaption className="sejour-map-attribution">{t('map.attribution')}</figcaption>
    </figure>
  );
}
