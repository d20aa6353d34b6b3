/**
 * A new card application (/espace/demandes/nouvelle): the card catalogue (GET /api/v1/card-types)
 * with each card's documents — required or conditional — and fees, the filing window the engine
 * gives for the current permit (too early with its opening date; in time; late with the
 * regularisation fee and its consequences ), then the draft (POST /api/v1/applications).
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ApplicationBody, CardTypeListBody, PermitBody } from '../../../contract/applications';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useLanguage } from '../../i18n';
import { useDocumentTitle } from '../../ui/use-document-title';
import { FormErrorSummary, useAccountForm } from '../account/form';
import { useFormat } from '../calculator/use-format';
import { ActingForBanner } from '../help-desk/acting-for-banner';
import { usePermitDeadlines, windowOf } from './engine';
import { BackHome, ScopeGate, usePersonScope } from './person-scope';

type CardType = CardTypeListBody['items'][number];

export function NewApplicationPage() {
  const { t } = useTranslation('journey');
  useDocumentTitle(t('newApplication.documentTitle'));
  return <ScopeGate title={t('newApplication.title')}>{() => <NewApplication />}</ScopeGate>;
}

function NewApplication() {
  const { t } = useTranslation(['journey', 'account']);
  const scope = usePersonScope();
  const permits = useApi<{ items: PermitBody[] }>(scope.api('/permits'));
  const catalogue = useApi<CardTypeListBody>('/card-types');
  const permit = permits.data?.items[0];
  const problem = permits.problem ?? catalogue.problem;

  return (
    <div className="fr-container fr-py-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
          <ActingForBanner />
          <h1>{t('newApplication.title')}</h1>
          {(permits.loading || catalogue.loading) && <p role="status">{t('account:loading')}</p>}
          {problem !== undefined && (
            <>
              <Alert className="fr-mb-4w" severity="error" as="h2" title={t('loadFailed')} description={problem.detail} />
              <Button
                onClick={() => {
                  permits.reload();
                  catalogue.reload();
                }}
              >
                {t('account:retry')}
              </Button>
            </>
          )}
          {permits.data !== undefined && catalogue.data !== undefined && (
            permit === undefined || permit.foreignerNumber === null ? (
              <CallOut title={t('newApplication.needsNumber.title')} titleAs="h2">
                {t('newApplication.needsNumber.body')} <Link to={scope.paths.visa}>{t('newApplication.needsNumber.link')}</Link>
              </CallOut>
            ) : (
              <Chooser permit={permit} cards={catalogue.data.items} />
            )
          )}
          <BackHome />
        </div>
      </div>
    </div>
  );
}

function FilingWindow({ permit, cardLateFee }: { permit: PermitBody; cardLateFee: number | undefined }) {
  const { t } = useTranslation(['journey', 'deadlines']);
  const format = useFormat();
  const language = useLanguage();
  const engine = usePermitDeadlines(permit);
  if (engine === undefined) return <p role="status">{t('newApplication.window.computing')}</p>;
  const filing = windowOf(engine);
  const opens = engine.dates.find((date) => date.id === 'application_window_opens');
  const citation = opens?.citation ?? 'CESEDA R.431-5';
  const dates = { opensOn: format.longDate(filing.opensOn ?? ''), closesOn: format.longDate(filing.closesOn ?? ''), expiry: format.longDate(permit.validUntil) };
  return (
    <section aria-labelledby="window-title" className="fr-mb-6w" data-testid="filing-window" data-status={filing.status}>
      <h2 id="window-title">{t('newApplication.window.title')}</h2>
      {filing.status === 'too_early' ? (
        <Alert severity="warning" as="h3" title={t('newApplication.window.tooEarly.title')} description={t('newApplication.window.tooEarly.body', dates)} />
      ) : filing.status === 'in_time' ? (
        <CallOut colorVariant="green-emeraude" title={t('newApplication.window.inTime.title')} titleAs="h3">
          {t('newApplication.window.inTime.body', dates)}
        </CallOut>
      ) : (
        <Alert
          severity="warning"
          as="h3"
          title={t('newApplication.window.late.title')}
          description={
            <>
              <p>{t('newApplication.window.late.body', dates)}</p>
              <p>{t('newApplication.window.late.fee', { amount: format.euros(filing.lateFee ?? cardLateFee ?? 180) })}</p>
              <p>{t('newApplication.window.late.noProlongation')}</p>
            </>
          }
        />
      )}
      {opens !== undefined && <p className="fr-mt-2w fr-mb-1w">{opens.explanation[language]}</p>}
      <p className="fr-text--sm">{t('rule', { citation })}</p>
      <span hidden data-testid="window-status">
        {filing.status}
      </span>
    </section>
  );
}

function CardDetails({ card }: { card: CardType }) {
  const { t } = useTranslation('journey');
  const format = useFormat();
  return (
    <section aria-labelledby="card-details" className="fr-mb-6w" data-testid="card-details">
      <h2 id="card-details">{t('newApplication.details.title', { card: card.name })}</h2>
      <p>{card.description}</p>
      <p className="fr-text--sm">{t('newApplication.details.basis', { basis: card.basis })}</p>
      <h3 className="fr-h5">{t('newApplication.details.documents')}</h3>
      <ul>
        {card.documents.map((document) => (
          <li key={document.id} className="fr-mb-1w">
            <strong>{document.name}</strong>{' '}
            <Badge as="span" small severity={document.requirement === 'required' ? 'info' : 'new'} noIcon>
              {t(`newApplication.details.${document.requirement}`)}
            </Badge>
            <br />
            <span className="fr-text--sm">{document.condition === null ? document.hint : `${document.condition.label} — ${document.hint}`}</span>
          </li>
        ))}
      </ul>
      <h3 className="fr-h5">{t('newApplication.details.fees')}</h3>
      <ul>
        {card.fees.map((fee) => (
          <li key={fee.id}>
            {t('newApplication.details.fee', { label: fee.label, amount: format.euros(fee.amountEur) })}
            {fee.id === 'late_renewal_fee' && ` ${t('newApplication.details.lateOnly')}`}
            {!fee.confirmed && ` ${t('newApplication.details.unconfirmed')}`}
            <span className="fr-text--sm"> ({fee.citation})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Chooser({ permit, cards }: { permit: PermitBody; cards: CardType[] }) {
  const { t } = useTranslation(['journey', 'applications']);
  const navigate = useNavigate();
  const scope = usePersonScope();
  const engine = usePermitDeadlines(permit);
  const [cardType, setCardType] = useState<string>(permit.cardType);
  const form = useAccountForm(['cardType'] as const);
  const card = cards.find((item) => item.id === cardType);
  const tooEarly = engine !== undefined && windowOf(engine).status === 'too_early';

  const onSubmit = form.submit(
    () => (card === undefined ? { cardType: t('errors:fields.required') } : {}),
    async () => {
      const application = await api.post<ApplicationBody>(scope.api('/applications'), { cardType });
      await navigate(scope.paths.application(application.id));
    },
  );

  return (
    <>
      <p>{t('newApplication.currentPermit', { permit: t(`applications:cardTypes.${permit.cardType}.name`, { defaultValue: permit.cardType }), number: permit.foreignerNumber ?? '' })}</p>
      <FilingWindow permit={permit} cardLateFee={card?.fees.find((fee) => fee.id === 'late_renewal_fee')?.amountEur} />
      <form onSubmit={onSubmit} noValidate>
        <FormErrorSummary errors={form.errors} fields={{ cardType: { id: 'card-type', label: t('newApplication.cards.legend') } }} />
        <RadioButtons
          id="card-type"
          name="cardType"
          legend={t('newApplication.cards.legend')}
          hintText={t('newApplication.cards.hint')}
          {...form.fieldState('cardType')}
          options={cards.map((item) => ({
            label: item.name,
            hintText: item.description,
            nativeInputProps: { value: item.id, checked: cardType === item.id, onChange: () => setCardType(item.id) },
          }))}
        />
        {card !== undefined && <CardDetails card={card} />}
        {!tooEarly && (
          <Button type="submit" disabled={form.pending}>
            {form.pending ? t('sending') : t('newApplication.create')}
          </Button>
        )}
      </form>
    </>
  );
}
