/**
 * The préfectures' own pages ("Horaires et coordonnées") and the postcode index that finds a
 * person's préfecture from their address. A page row appears when a supervisor first publishes it;
 * until then the page says the préfecture has not published its details yet.
 */
import { char, index, jsonb, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { departements, prefectures } from './reference';
import { users } from './users';
import type { OpeningPeriod } from '../../../domain/directory/opening-hours';


export const prefecturePages = pgTable('prefecture_pages', {
  prefectureId: uuid('prefecture_id')
    .primaryKey()
    .references(() => prefectures.id),
  /** Postal address of the foreigners' service, several lines. */
  address: text('address').notNull(),
  /** E.164 or French national format as published. */
  phone: varchar('phone', { length: 32 }),
  /** Hours of the reception for foreigners (bureau des étrangers). */
  receptionHours: jsonb('reception_hours').$type<OpeningPeriod[]>().notNull().default([]),
  /** Point d'accueil numérique: help with the online procedures. */
  helpDeskAddress: text('help_desk_address'),
  helpDeskHours: jsonb('help_desk_hours').$type<OpeningPeriod[]>().notNull().default([]),
  /** Drop-in sessions and anything else, as written by the préfecture, in French and in English. */
  notesFr: text('notes_fr'),
  notesEn: text('notes_en'),
  /** Where to book when the préfecture uses another booking service (Sejour's own slots come later). */
  appointmentUrl: varchar('appointment_url', { length: 500 }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** La Poste postcodes of every current commune, with their département (INSEE COG via Etalab). */
export const postalCodes = pgTable(
  'postal_codes',
  {
    postalCode: char('postal_code', { length: 5 }).notNull(),
    departementCode: varchar('departement_code', { length: 3 })
      .notNull()
      .references(() => departements.code),
  },
  (table) => [primaryKey({ columns: [table.postalCode, table.departementCode] }), index('postal_codes_departement_idx').on(table.departementCode)],
);
