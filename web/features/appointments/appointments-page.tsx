/**
 * The applicant's appointments (/espace/rendez-vous): the free slots of their préfecture grouped by
 * day, book one, their bookings with move and cancel. When the last place was just taken by someone
 * else, the page says so and shows the slots still free (GET/POST /api/v1/appointments…).
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppointmentKindBody, BookingBody, BookingList, FreeSlots, SlotBody } from '../../../contract/appointments';
import { api, isApiProblem } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useLanguage } from '../../i18n';
import { useDocumentTitle } from '../../ui/use-document-title';
import { FocusedNotice } from '../account/form';
import { RequireSession } from '../account/require-session';
import { PROCEDURE_PATHS } from '../procedures/paths';
import { formatDay, formatTime, formatWhen, parisDay } from './format';

const TAKEN = new Set(['appointment_slot_full', 'appointment_slot_unavailable']);

interface Notice {
  severity: 'success' | 'error';
  text: string;
  key: number;
}

export function AppointmentsPage() {
  const { t } = useTranslation('appointments');
  useDocumentTitle(t('page.title'));
  return <RequireSession title={t('page.title')}>{() => <Appointments />}</RequireSession>;
}

function Appointments() {
  const { t } = useTranslation(['appointments', 'account', 'journey']);
  const language = useLanguage();
  const slotsRead = useApi<FreeSlots>('/appointments/slots');
  const mineRead = useApi<BookingList>('/appointments');
  const [slots, setSlots] = useState<FreeSlots>();
  const [mine, setMine] = useState<BookingList>();
  const [kind, setKind] = useState<AppointmentKindBody>('help_desk');
  const [moving, setMoving] = useState<BookingBody>();
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState(false);
  const free = slots ?? slotsRead.data;
  const bookings = mine ?? mineRead.data;

  const refresh = async () => {
    const [nextSlots, nextMine] = await Promise.all([api.get<FreeSlots>('/appointments/slots'), api.get<BookingList>('/appointments')]);
    setSlots(nextSlots);
    setMine(nextMine);
  };
  const act = async (run: () => Promise<string>) => {
    setBusy(true);
    try {
      const text = await run();
      setNotice((previous) => ({ severity: 'success', text, key: (previous?.key ?? 0) + 1 }));
    } catch (error) {
      if (!isApiProblem(error)) throw error;
      const text = TAKEN.has(error.code) ? t('page.taken') : error.detail;
      setNotice((previous) => ({ severity: 'error', text, key: (previous?.key ?? 0) + 1 }));
    } finally {
      setBusy(false);
      setMoving(undefined);
      await refresh().catch(() => undefined);
    }
  };
  const choose = (slot: SlotBody) =>
    act(async () => {
      if (moving) {
        const moved = await api.post<BookingBody>(`/appointments/${moving.id}/move`, { slotId: slot.id });
        return t('page.moved', { when: formatWhen(moved.slot.startsAt, language) });
      }
      const booked = await api.post<BookingBody>('/appointments', { slotId: slot.id });
      return t('page.booked', { when: formatWhen(booked.slot.startsAt, language) });
    });
  const cancel = (booking: BookingBody) =>
    act(async () => {
      await api.delete(`/appointments/${booking.id}`);
      return t('page.cancelled');
    });

  const shownKind = moving?.kind ?? kind;
  const offered = (free?.slots ?? []).filter((slot) => slot.kind === shownKind && slot.id !== moving?.slot.id);
  const days = new Map<string, SlotBody[]>();
  for (const slot of offered) days.set(parisDay(slot.startsAt), [...(days.get(parisDay(slot.startsAt)) ?? []), slot]);
  const problem = slotsRead.problem ?? mineRead.problem;

  return (
    <div className="fr-container fr-py-6w">
      <h1>{t('page.title')}</h1>
      {free?.prefectureName ? <p>{t('page.intro', { prefecture: free.prefectureName })}</p> : free && <Alert severity="info" small description={t('page.no_prefecture')} className="fr-mb-4w" />}
      {(slotsRead.loading || mineRead.loading) && <p role="status">{t('account:loading')}</p>}
      {problem !== undefined && free === undefined && <Alert className="fr-mb-4w" severity="error" as="h2" title={t('journey:loadFailed')} description={problem.detail} />}
      {notice && (
        <FocusedNotice key={notice.key}>
          <Alert severity={notice.severity} small description={notice.text} />
        </FocusedNotice>
      )}

      <section aria-labelledby="appointments-mine" className="fr-mb-6w">
        <h2 id="appointments-mine">{t('page.mine_title')}</h2>
        {bookings && bookings.bookings.length === 0 && <p>{t('page.none_mine')}</p>}
        <ul className="fr-raw-list">
          {bookings?.bookings.map((booking) => (
            <li key={booking.id} className="fr-mb-2w">
              <p className="fr-mb-1w">
                <strong>{t(`kinds.${booking.kind}`)}</strong> — {formatWhen(booking.slot.startsAt, language)} — {booking.slot.prefectureName}{' '}
                <Badge small severity={booking.status === 'active' ? 'success' : undefined} noIcon={booking.status !== 'active'}>
                  {t(`page.status_${booking.status}`)}
                </Badge>
              </p>
              {booking.status === 'active' && (
                <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                  <li>
                    {moving?.id === booking.id ? (
                      <Button priority="secondary" size="small" onClick={() => setMoving(undefined)}>
                        {t('page.move_cancel')}
                      </Button>
                    ) : (
                      <Button priority="secondary" size="small" disabled={busy} onClick={() => setMoving(booking)}>
                        {t('page.move')}
                      </Button>
                    )}
                  </li>
                  <li>
                    <Button priority="tertiary" size="small" disabled={busy} onClick={() => void cancel(booking)}>
                      {t('page.cancel')}
                    </Button>
                  </li>
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="appointments-free">
        <h2 id="appointments-free">{t('page.free_title')}</h2>
        {moving && <Alert severity="info" small description={t('page.moving')} className="fr-mb-2w" />}
        {free && free.allowedKinds.length > 1 && !moving && (
          <Select label={t('page.kind_label')} nativeSelectProps={{ value: kind, onChange: (event) => setKind(event.target.value as AppointmentKindBody) }}>
            {free.allowedKinds.map((value) => (
              <option key={value} value={value}>
                {t(`kinds.${value}`)}
              </option>
            ))}
          </Select>
        )}
        {free && days.size === 0 && <p>{t('page.none_free')}</p>}
        {[...days.entries()].map(([day, daySlots]) => (
          <div key={day} className="fr-mb-3w">
            <h3 className="fr-h6">{formatDay(daySlots[0]!.startsAt, language)}</h3>
            <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
              {daySlots.map((slot) => (
                <li key={slot.id}>
                  <Button priority={moving ? 'secondary' : 'primary'} size="small" disabled={busy} onClick={() => void choose(slot)}>
                    {t(moving ? 'page.move_here' : 'page.book', { time: formatTime(slot.startsAt, language) })}
                  </Button>
                  <span className="fr-hint-text">{t('page.places_left', { count: slot.free })}</span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <p className="fr-mt-6w">
        <Link to={PROCEDURE_PATHS.space}>{t('journey:backToSpace')}</Link>
      </p>
    </div>
  );
}
