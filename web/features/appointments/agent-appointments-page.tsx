/**
 * The agent's appointments (/agent/rendez-vous): publish slots (one, or a weekly series) for one of
 * their préfectures, and the day's list with the people booked; cancel a slot (its people are told).
 * POST/DELETE /api/v1/staff/appointment-slots, GET /api/v1/staff/appointment-slots/day.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentKindBody, CancelledSlot, DayList, PublishedSlots } from '../../../contract/appointments';
import { api, isApiProblem } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useLanguage } from '../../i18n';
import { useDocumentTitle } from '../../ui/use-document-title';
import { FocusedNotice } from '../account/form';
import { StaffGate } from '../back-office/staff-gate';
import { formatTime } from './format';

const KINDS: AppointmentKindBody[] = ['help_desk', 'document_collection', 'card_handover'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

interface Assignment {
  prefectures: Array<{ id: string; departementCode: string; name: string }>;
}
interface Notice {
  severity: 'success' | 'error';
  text: string;
  key: number;
}

export function AgentAppointmentsPage() {
  const { t } = useTranslation('appointments');
  useDocumentTitle(t('agent.title'));
  return <StaffGate title={t('agent.title')}>{() => <AgentAppointments />}</StaffGate>;
}

function AgentAppointments() {
  const { t } = useTranslation(['appointments', 'account']);
  const { data } = useApi<Assignment>('/staff/prefectures');
  const [chosen, setChosen] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const [dayVersion, setDayVersion] = useState(0);
  const prefectureId = chosen ?? data?.prefectures[0]?.id;
  const say = (severity: Notice['severity'], text: string) => setNotice((previous) => ({ severity, text, key: (previous?.key ?? 0) + 1 }));
  const failed = (error: unknown) => {
    if (!isApiProblem(error)) throw error;
    say('error', error.detail);
  };
  return (
    <div className="fr-container fr-py-6w">
      <h1>{t('agent.title')}</h1>
      {data === undefined && <p role="status">{t('account:loading')}</p>}
      {data && data.prefectures.length > 1 && (
        <Select label={t('agent.prefecture')} nativeSelectProps={{ value: prefectureId ?? '', onChange: (event) => setChosen(event.target.value) }}>
          {data.prefectures.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      )}
      {notice && (
        <FocusedNotice key={notice.key}>
          <Alert severity={notice.severity} small description={notice.text} />
        </FocusedNotice>
      )}
      {prefectureId && (
        <>
          <PublishForm
            prefectureId={prefectureId}
            onPublished={(count) => {
              say('success', t('agent.published', { count }));
              setDayVersion((v) => v + 1);
            }}
            onFailed={failed}
          />
          <DayListSection
            key={`${prefectureId}-${dayVersion}`}
            prefectureId={prefectureId}
            onCancelled={(count) => say('success', t('agent.slot_cancelled_done', { count }))}
            onFailed={failed}
          />
        </>
      )}
    </div>
  );
}

function PublishForm({ prefectureId, onPublished, onFailed }: { prefectureId: string; onPublished: (count: number) => void; onFailed: (error: unknown) => void }) {
  const { t } = useTranslation('appointments');
  const [kind, setKind] = useState<AppointmentKindBody>('help_desk');
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [weekdays, setWeekdays] = useState<number[]>([]);
  const [times, setTimes] = useState('09:00');
  const [duration, setDuration] = useState('30');
  const [capacity, setCapacity] = useState('1');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await api.post<PublishedSlots>('/staff/appointment-slots', {
        prefectureId,
        kind,
        capacity: Number(capacity),
        from,
        ...(until ? { until } : {}),
        ...(until && weekdays.length > 0 ? { weekdays } : {}),
        times: times.split(',').map((time) => time.trim()).filter(Boolean),
        durationMinutes: Number(duration),
      });
      onPublished(result.created);
    } catch (error) {
      onFailed(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="agent-publish" className="fr-mb-6w">
      <h2 id="agent-publish">{t('agent.publish_title')}</h2>
      <form onSubmit={(event) => void submit(event)}>
        <Select label={t('agent.kind')} nativeSelectProps={{ id: 'publish-kind', value: kind, onChange: (event) => setKind(event.target.value as AppointmentKindBody) }}>
          {KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`kinds.${value}`)}
            </option>
          ))}
        </Select>
        <Input label={t('agent.from')} nativeInputProps={{ id: 'publish-from', type: 'date', required: true, value: from, onChange: (event) => setFrom(event.target.value) }} />
        <Input label={t('agent.until')} nativeInputProps={{ id: 'publish-until', type: 'date', value: until, onChange: (event) => setUntil(event.target.value) }} />
        <Checkbox
          legend={t('agent.weekdays')}
          orientation="horizontal"
          options={WEEKDAYS.map((day) => ({
            label: t(`agent.days.${day}`),
            nativeInputProps: {
              checked: weekdays.includes(day),
              onChange: () => setWeekdays((current) => (current.includes(day) ? current.filter((d) => d !== day) : [...current, day].sort())),
            },
          }))}
        />
        <Input label={t('agent.times')} nativeInputProps={{ id: 'publish-times', required: true, value: times, onChange: (event) => setTimes(event.target.value) }} />
        <Input label={t('agent.duration')} nativeInputProps={{ id: 'publish-duration', type: 'number', min: 5, max: 480, required: true, value: duration, onChange: (event) => setDuration(event.target.value) }} />
        <Input label={t('agent.capacity')} nativeInputProps={{ id: 'publish-capacity', type: 'number', min: 1, max: 100, required: true, value: capacity, onChange: (event) => setCapacity(event.target.value) }} />
        <Button type="submit" disabled={busy}>
          {t('agent.publish')}
        </Button>
      </form>
    </section>
  );
}

function DayListSection({ prefectureId, onCancelled, onFailed }: { prefectureId: string; onCancelled: (count: number) => void; onFailed: (error: unknown) => void }) {
  const { t } = useTranslation(['appointments', 'account']);
  const language = useLanguage();
  const [date, setDate] = useState(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date()));
  const [shown, setShown] = useState(date);
  const { data, problem, loading, reload } = useApi<DayList>('/staff/appointment-slots/day', { query: { date: shown, prefectureId } });
  const cancel = async (id: string) => {
    try {
      const result = await api.delete<CancelledSlot>(`/staff/appointment-slots/${id}`);
      onCancelled(result.cancelledBookings);
      reload();
    } catch (error) {
      onFailed(error);
    }
  };
  return (
    <section aria-labelledby="agent-day">
      <h2 id="agent-day">{t('agent.day_title')}</h2>
      <form
        className="fr-mb-3w"
        onSubmit={(event) => {
          event.preventDefault();
          setShown(date);
        }}
      >
        <Input label={t('agent.date')} nativeInputProps={{ id: 'day-date', type: 'date', required: true, value: date, onChange: (event) => setDate(event.target.value) }} />
        <Button type="submit" priority="secondary">
          {t('agent.show')}
        </Button>
      </form>
      {loading && <p role="status">{t('account:loading')}</p>}
      {problem && <Alert severity="error" small description={problem.detail ?? ''} />}
      {data && data.slots.length === 0 && <p>{t('agent.none_day')}</p>}
      {data?.slots.map((slot) => (
        <div key={slot.id} className="fr-mb-3w">
          <h3 className="fr-h6">
            {t('agent.slot', { time: formatTime(slot.startsAt, language), kind: t(`kinds.${slot.kind}`), booked: slot.booked, capacity: slot.capacity })}
            {slot.cancelledAt ? ` — ${t('agent.slot_cancelled')}` : ''}
          </h3>
          {slot.people.length === 0 ? (
            <p>{t('agent.nobody')}</p>
          ) : (
            <ul>
              {slot.people.map((person) => (
                <li key={person.bookingId}>
                  {person.name} — {person.applicationReference ? t('agent.reference', { reference: person.applicationReference }) : t('agent.no_reference')}
                </li>
              ))}
            </ul>
          )}
          {!slot.cancelledAt && (
            <Button priority="tertiary" size="small" onClick={() => void cancel(slot.id)}>
              {t('agent.cancel_slot')}
            </Button>
          )}
        </div>
      ))}
    </section>
  );
}
