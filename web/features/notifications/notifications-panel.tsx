/**
 * The notifications panel of the personal space: notifications with read/unread, the reminder
 * channels (in-app always on), and the secret calendar address (create, rotate, revoke).
 * Self-contained: place `<NotificationsPanel />` in a page.
 */
import { useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch';
import { useTranslation } from 'react-i18next';
import type { CalendarFeed, NotificationList, NotificationPreferences } from '../../../contract/notifications';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useFormat } from '../calculator/use-format';

export function NotificationsPanel() {
  const { t } = useTranslation('notifications');
  return (
    <section aria-labelledby="space-notifications" className="fr-mb-6w">
      <h2 id="space-notifications">{t('title')}</h2>
      <NotificationList />
      <ChannelPreferences />
      <CalendarLink />
    </section>
  );
}

function NotificationList() {
  const { t } = useTranslation('notifications');
  const format = useFormat();
  const { data, problem, reload } = useApi<NotificationList>('/me/notifications');
  const [busy, setBusy] = useState<string>();
  if (problem) return <Alert severity="error" small description={t('loadFailed')} className="fr-mb-2w" />;
  if (!data) return null;
  const markRead = async (id: string) => {
    setBusy(id);
    try {
      await api.post(`/me/notifications/${id}/read`);
      reload();
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <div className="fr-mb-4w">
      <p role="status" data-testid="notifications-unread">
        {t('unread', { count: data.unread })}
      </p>
      {data.notifications.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="fr-raw-list">
          {data.notifications.map((notification) => (
            <li key={notification.id} className="fr-mb-2w">
              <p className={notification.readAt === null ? 'fr-text--bold fr-mb-0' : 'fr-mb-0'}>
                {notification.title}{' '}
                {notification.readAt === null && (
                  <Badge small noIcon severity="new" as="span">
                    {t('unreadBadge')}
                  </Badge>
                )}
              </p>
              <p className="fr-text--sm fr-mb-1v">{t('receivedOn', { date: format.shortDate(notification.createdAt.slice(0, 10)) })}</p>
              {notification.readAt === null && (
                <Button
                  priority="tertiary"
                  size="small"
                  disabled={busy === notification.id}
                  onClick={() => void markRead(notification.id)}
                  nativeButtonProps={{ 'aria-label': t('markReadFor', { title: notification.title }) }}
                >
                  {t('markRead')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ChannelPreferences() {
  const { t } = useTranslation('notifications');
  const { data, reload } = useApi<NotificationPreferences>('/me/notification-preferences');
  const [message, setMessage] = useState<'saved' | 'saveFailed'>();
  if (!data) return null;
  const save = async (change: Partial<Pick<NotificationPreferences, 'email' | 'sms'>>) => {
    try {
      await api.put('/me/notification-preferences', { email: data.email, sms: data.sms, ...change });
      setMessage('saved');
    } catch {
      setMessage('saveFailed');
    }
    reload();
  };
  return (
    <fieldset className="fr-fieldset fr-mb-4w" aria-describedby="notifications-channels-lead">
      <legend className="fr-fieldset__legend">
        <h3 className="fr-h6 fr-mb-0">{t('channels.title')}</h3>
      </legend>
      <p id="notifications-channels-lead">{t('channels.lead')}</p>
      <ToggleSwitch label={t('channels.email')} checked={data.email} onChange={(checked) => void save({ email: checked })} />
      <ToggleSwitch label={t('channels.sms')} checked={data.sms && data.hasPhone} disabled={!data.hasPhone} onChange={(checked) => void save({ sms: checked })} />
      {!data.hasPhone && <p className="fr-text--sm">{t('channels.smsNoPhone')}</p>}
      {message && (
        <p role="status" className={message === 'saved' ? 'fr-message fr-message--valid' : 'fr-message fr-message--error'}>
          {t(`channels.${message}`)}
        </p>
      )}
    </fieldset>
  );
}

function CalendarLink() {
  const { t } = useTranslation('notifications');
  const [feed, setFeed] = useState<CalendarFeed>();
  const [status, setStatus] = useState<'revoked' | 'failed'>();
  const create = async () => {
    try {
      setFeed(await api.post<CalendarFeed>('/me/calendar-feed'));
      setStatus(undefined);
    } catch {
      setStatus('failed');
    }
  };
  const revoke = async () => {
    try {
      await api.delete('/me/calendar-feed');
      setFeed(undefined);
      setStatus('revoked');
    } catch {
      setStatus('failed');
    }
  };
  return (
    <div>
      <h3 className="fr-h6">{t('calendar.title')}</h3>
      <p>{t('calendar.lead')}</p>
      {feed && <Input label={t('calendar.urlLabel')} nativeInputProps={{ readOnly: true, value: feed.url, onFocus: (event) => event.currentTarget.select() }} />}
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        <li>
          <Button onClick={() => void create()}>{feed ? t('calendar.rotate') : t('calendar.create')}</Button>
        </li>
        <li>
          <Button priority="secondary" onClick={() => void revoke()}>
            {t('calendar.revoke')}
          </Button>
        </li>
      </ul>
      {status && (
        <p role="status" className={status === 'revoked' ? 'fr-message fr-message--valid' : 'fr-message fr-message--error'}>
          {t(`calendar.${status}`)}
        </p>
      )}
    </div>
  );
}
