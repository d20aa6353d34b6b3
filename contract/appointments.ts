/** Appointments: slots published by agents, booked by applicants (docs/adr/0016-appointments.md). */
import { Type, type Static } from 'typebox';

const Instant = Type.String({ format: 'date-time' });
const Uuid = Type.String({ format: 'uuid' });
const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const LocalTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, Europe/Paris local time' });

export const AppointmentKindSchema = Type.Union([Type.Literal('help_desk'), Type.Literal('document_collection'), Type.Literal('card_handover')], {
  description: 'help_desk: the digital help desk; document_collection and card_handover: only after a favourable decision.',
});
export type AppointmentKindBody = Static<typeof AppointmentKindSchema>;

export const SlotSchema = Type.Object(
  {
    id: Uuid,
    kind: AppointmentKindSchema,
    startsAt: Instant,
    endsAt: Instant,
    capacity: Type.Integer({ minimum: 1 }),
    free: Type.Integer({ minimum: 0, description: 'Places still free.' }),
    prefectureName: Type.String(),
  },
  { additionalProperties: false },
);
export type SlotBody = Static<typeof SlotSchema>;

export const SlotQuerySchema = Type.Object({ kind: Type.Optional(AppointmentKindSchema) }, { additionalProperties: false });

export const FreeSlotsSchema = Type.Object(
  {
    prefectureName: Type.Union([Type.String(), Type.Null()], { description: 'Null when no préfecture is known for the applicant yet.' }),
    allowedKinds: Type.Array(AppointmentKindSchema),
    slots: Type.Array(SlotSchema, { description: 'Free future slots, earliest first (at most 200).' }),
  },
  { additionalProperties: false },
);
export type FreeSlots = Static<typeof FreeSlotsSchema>;

export const BookingSchema = Type.Object(
  {
    id: Uuid,
    kind: AppointmentKindSchema,
    status: Type.Union([Type.Literal('active'), Type.Literal('cancelled'), Type.Literal('moved')]),
    slot: SlotSchema,
    createdAt: Instant,
    cancelledAt: Type.Union([Instant, Type.Null()]),
  },
  { additionalProperties: false },
);
export type BookingBody = Static<typeof BookingSchema>;

export const BookingListSchema = Type.Object({ bookings: Type.Array(BookingSchema, { description: 'Active bookings first, then the last 20 others.' }) }, { additionalProperties: false });
export type BookingList = Static<typeof BookingListSchema>;

export const BookBodySchema = Type.Object({ slotId: Uuid }, { additionalProperties: false });
export const BookingParamsSchema = Type.Object({ id: Uuid });

// ——— staff ———

export const PublishSlotsBodySchema = Type.Object(
  {
    prefectureId: Uuid,
    kind: AppointmentKindSchema,
    capacity: Type.Integer({ minimum: 1, maximum: 100 }),
    /** The first (or only) day. */
    from: IsoDate,
    /** The last day of a weekly series; absent for one slot. */
    until: Type.Optional(IsoDate),
    /** ISO days of the week (1 = Monday) of a series; absent = every day of the range. */
    weekdays: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true })),
    /** Start times on each day. */
    times: Type.Array(LocalTime, { minItems: 1, maxItems: 24, uniqueItems: true }),
    durationMinutes: Type.Integer({ minimum: 5, maximum: 480 }),
  },
  { additionalProperties: false },
);
export type PublishSlotsBody = Static<typeof PublishSlotsBodySchema>;

export const PublishedSlotsSchema = Type.Object({ created: Type.Integer({ minimum: 0 }), slotIds: Type.Array(Uuid) }, { additionalProperties: false });
export type PublishedSlots = Static<typeof PublishedSlotsSchema>;

export const SlotParamsSchema = Type.Object({ id: Uuid });

export const DayQuerySchema = Type.Object({ date: IsoDate, prefectureId: Uuid }, { additionalProperties: false });

export const DaySlotSchema = Type.Object(
  {
    id: Uuid,
    kind: AppointmentKindSchema,
    startsAt: Instant,
    endsAt: Instant,
    capacity: Type.Integer(),
    booked: Type.Integer(),
    cancelledAt: Type.Union([Instant, Type.Null()]),
    people: Type.Array(
      Type.Object(
        {
          bookingId: Uuid,
          name: Type.String({ description: 'Surname and given names from the profile, else the account name.' }),
          applicationReference: Type.Union([Type.String(), Type.Null()], { description: 'The latest filed application in this préfecture.' }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export const DayListSchema = Type.Object({ date: IsoDate, prefectureId: Uuid, slots: Type.Array(DaySlotSchema) }, { additionalProperties: false });
export type DayList = Static<typeof DayListSchema>;

export const CancelledSlotSchema = Type.Object({ id: Uuid, cancelledBookings: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });
export type CancelledSlot = Static<typeof CancelledSlotSchema>;
