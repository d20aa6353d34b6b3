/**
 * Appointments (docs/adr/0016-appointments.md): slots an agent publishes for a préfecture, each
 * with a capacity and a `booked` count kept by the booking transaction, and the applicants'
 * bookings. A slot cannot be overbooked: a place is taken only by the conditional
 * `UPDATE … SET booked = booked + 1 WHERE booked < capacity` in the booking's transaction, and the
 * check constraint refuses any state where `booked` exceeds `capacity`.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { prefectures } from './reference';
import { users } from './users';

export const APPOINTMENT_KINDS = ['help_desk', 'document_collection', 'card_handover'] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export const BOOKING_STATUSES = ['active', 'cancelled', 'moved'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

const instant = (name: string) => timestamp(name, { withTimezone: true });

export const appointmentSlots = pgTable(
  'appointment_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefectureId: uuid('prefecture_id')
      .notNull()
      .references(() => prefectures.id),
    kind: varchar('kind', { length: 24 }).$type<AppointmentKind>().notNull(),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    capacity: integer('capacity').notNull(),
    /** Places taken; changed only by the booking, move and cancel transactions. */
    booked: integer('booked').notNull().default(0),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: instant('created_at').notNull(),
    cancelledAt: instant('cancelled_at'),
  },
  (table) => [
    index('appointment_slots_prefecture_idx').on(table.prefectureId, table.kind, table.startsAt),
    check('appointment_slots_kind_check', sql`${table.kind} in ('help_desk', 'document_collection', 'card_handover')`),
    check('appointment_slots_capacity_check', sql`${table.capacity} between 1 and 100`),
    check('appointment_slots_booked_check', sql`${table.booked} >= 0 and ${table.booked} <= ${table.capacity}`),
    check('appointment_slots_times_check', sql`${table.endsAt} > ${table.startsAt}`),
  ],
);

export const appointmentBookings = pgTable(
  'appointment_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => appointmentSlots.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: varchar('kind', { length: 24 }).$type<AppointmentKind>().notNull(),
    status: varchar('status', { length: 12 }).$type<BookingStatus>().notNull().default('active'),
    createdAt: instant('created_at').notNull(),
    cancelledAt: instant('cancelled_at'),
  },
  (table) => [
    // One active booking per person and kind: a retried booking finds the first one.
    uniqueIndex('appointment_bookings_active_unique').on(table.userId, table.kind).where(sql`${table.status} = 'active'`),
    index('appointment_bookings_slot_idx').on(table.slotId, table.status),
    check('appointment_bookings_status_check', sql`${table.status} in ('active', 'cancelled', 'moved')`),
  ],
);
