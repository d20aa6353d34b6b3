import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { SearchBar } from '@codegouvfr/react-dsfr/SearchBar';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Static } from 'typebox';
import type { DepartementListSchema } from '../../../contract/reference';
import type { PostalCodeResultSchema } from '../../../contract/directory';
import { api, isApiProblem, type ApiProblem } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useDocumentTitle } from '../../ui/use-document-title';
import { DepartementsMap } from './departements-map';
import './directory.css';

type DepartementList = Static<typeof DepartementListSchema>;
type PostalCodeResult = Static<typeof PostalCodeResultSchema>;

/** Accents and case do not matter: "rhone" finds Rhône, "cotes" finds Côtes-d'Armor. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "Find my préfecture": a map, a search by name, number or postcode, and the full list. */
export function DirectoryPage() {
  const { t } = useTranslation('directory');
  useDocumentTitle(t('title'));
  const { data } = useApi<DepartementList>('/departements');
  const [query, setQuery] = useState('');
  const [postal, setPostal] = useState<{ result?: PostalCodeResult; problem?: ApiProblem }>();

  const matches = useMemo(() => {
    const q = normalise(query);
    if (q === '' || /^\d{5}$/.test(q)) return undefined;
    return (data?.items ?? []).filter((d) => normalise(d.name).includes(q) || d.code.toLowerCase() === q || normalise(d.prefecture.city).includes(q));
  }, [data, query]);

  // The text the latest search was for: an answer for an earlier text that arrives late is dropped.
  const latest = useRef('');
  const search = (text: string) => {
    setQuery(text);
    setPostal(undefined);
    const q = text.trim();
    latest.current = q;
    if (/^\d{5}$/.test(q)) {
      api.get<PostalCodeResult>(`/postal-codes/${q}`).then(
        (result) => {
          if (latest.current === q) setPostal({ result });
        },
        (error: unknown) => {
          if (!isApiProblem(error)) throw error;
          if (latest.current === q) setPostal({ problem: error });
        },
      );
    }
  };

  const results = postal?.result?.departements ?? matches;

  return (
    <div className="fr-container fr-py-6w">
      <h1>{t('title')}</h1>
      <p className="fr-text--lead">{t('lead')}</p>

      <div className="fr-mb-4w">
        <SearchBar
          big
          label={t('search.label')}
          onButtonClick={search}
          renderInput={({ className, id, placeholder, type }) => (
            <input
              className={className}
              id={id}
              placeholder={placeholder}
              type={type}
              value={query}
              aria-describedby="directory-search-hint"
              onChange={(event) => search(event.target.value)}
            />
          )}
        />
        <p id="directory-search-hint" className="fr-hint-text fr-mt-1w">
          {t('search.hint')}
        </p>
      </div>

      <div aria-live="polite">
        {postal?.problem !== undefined && <Alert severity="warning" small description={postal.problem.detail} className="fr-mb-4w" />}
        {results !== undefined && (
          <section aria-labelledby="directory-results-title" className="fr-mb-6w">
            <h2 id="directory-results-title" className="fr-h4">
              {t('search.results', { count: results.length })}
            </h2>
            <ul>
              {results.map((d) => (
                <li key={d.code}>
                  <Link to={`/prefectures/${d.code}`}>{t('list.item', { name: d.name, code: d.code, prefecture: d.prefecture.name })}</Link>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>

      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-7">
          <h2 className="fr-h4">{t('map.heading')}</h2>
          <DepartementsMap />
        </div>
        <section className="fr-col-12 fr-col-lg-5" aria-labelledby="directory-list-title">
          <h2 id="directory-list-title" className="fr-h4">
            {t('list.title')}
          </h2>
          <ul className="sejour-directory-list">
            {(data?.items ?? []).map((d) => (
              <li key={d.code}>
                <Link to={`/prefectures/${d.code}`}>{`${d.code} – ${d.name}`}</Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
