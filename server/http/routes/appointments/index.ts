/**
 * Appointments (docs/adr/0016-appointments.md). Applicants: the free slots of their préfecture,
 * their bookings, book / move / cancel. Staff (agents and supervisors, second factor, their
 * préfectures only; another préfecture's slot is 404): publish slots, cancel one, the day's list —
 * every action and read audited.
 */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../app';
import type { Db } from '../../../db/client';
import { AppError } from '../../problem';
import { auditOrigin } from '../../audit-origin';
import { COMMON_ERRORS, ProblemSchema } from '../../../../contract/problem';
import { CsrfHeadersSchema } from '../../../../contract/accounts';
import {
  BookBodySchema,
  BookingListSchema,
  BookingParamsSchema,
  BookingSchema,
  CancelledSlotSchema,
  DayListSchema,
  DayQuerySchema,
  FreeSlotsSchema,
  PublishSlotsBodySchema,
  PublishedSlotsSchema,
  SlotParamsSchema,
  SlotQuerySchema,
} from '../../../../contract/appointments';
import type { StaffCaller } from '../../../usecases/back-office/staff-scope';
import { listFreeSlots } from '../../../usecases/appointments/list-free-slots';
import { listMyAppointments } from '../../../usecases/appointments/list-my-appointments';
import { bookAppointment } from '../../../usecases/appointments/book-appointment';
import { moveAppointment } from '../../../usecases/appointments/move-appointment';
import { cancelAppointment } from '../../../usecases/appointments/cancel-appointment';
import { publishSlots } from '../../../usecases/appointments/publish-slots';
import { cancelSlot } from '../../../usecases/appointments/cancel-slot';
import { listDayAppointments } from '../../../usecases/appointments/list-day-appointments';

const APPLICANT = ['applicant'] as const;
const AGENTS = ['agent', 'supervisor'] as const;
const TAGS = ['appointments'];
/** 401 not signed in; 403 wrong role, no second factor, or anti-CSRF token missing; 404 not found or not yours. */
const ERRORS = { 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, ...COMMON_ERRORS } as const;
/** 409: the slot is full, cancelled or begun, or another booking of this kind is active. */
const BOOKING_ERRORS = { ...ERRORS, 409: ProblemSchema } as const;

function userId(request: FastifyRequest): string {
  if (!request.user) throw new AppError(401, 'unauthenticated');
  return request.user.id;
}

function staff(request: FastifyRequest): StaffCaller {
  if (!request.user) throw new AppError(401, 'unauthenticated');
  return { id: request.user.id, role: request.user.role };
}

export function registerAppointmentRoutes(app: App, deps: { db: Db; now?: (() => Date) | undefined }): void {
  const ctx = { db: deps.db, now: deps.now ?? (() => new Date()) };

  app.get(
    '/api/v1/appointments/slots',
    {
      config: { access: APPLICANT },
      schema: {
        tags: TAGS,
        summary: "The free future slots of my préfecture (my latest application's, else my profile's département), of the kinds I may book.",
        querystring: SlotQuerySchema,
        response: { 200: FreeSlotsSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listFreeSlots(ctx, userId(request), request.query);
    },
  );

  app.get(
    '/api/v1/appointments',
    {
      config: { access: APPLICANT },
      schema: { tags: TAGS, summary: 'My bookings: active ones first (earliest first), then the last cancelled or moved.', response: { 200: BookingListSchema, ...ERRORS } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listMyAppointments(ctx, userId(request));
    },
  );

  app.post(
    '/api/v1/appointments',
    {
      config: { access: APPLICANT },
      schema: {
        tags: TAGS,
        summary: 'Book a place on a slot. 201 when booked; 200 with the same booking when it was already booked (a retry); 409 when the slot is full.',
        headers: CsrfHeadersSchema,
        body: BookBodySchema,
        response: { 200: BookingSchema, 201: BookingSchema, ...BOOKING_ERRORS },
      },
    },
    async (request, reply) => {
      const { booking, created } = await bookAppointment(ctx, userId(request), request.body.slotId);
      return reply.code(created ? 201 : 200).send(booking);
    },
  );

  app.post(
    '/api/v1/appointments/:id/move',
    {
      config: { access: APPLICANT },
      schema: {
        tags: TAGS,
        summary: 'Move a booking to another slot of the same kind; if that slot is full (409) the booking stays where it was.',
        headers: CsrfHeadersSchema,
        params: BookingParamsSchema,
        body: BookBodySchema,
        response: { 200: BookingSchema, ...BOOKING_ERRORS },
      },
    },
    async (request) => moveAppointment(ctx, userId(request), request.params.id, request.body.slotId),
  );

  app.delete(
    '/api/v1/appointments/:id',
    {
      config: { access: APPLICANT },
      schema: {
        tags: TAGS,
        summary: 'Cancel a booking and free its place (cancelling again changes nothing).',
        headers: CsrfHeadersSchema,
        params: BookingParamsSchema,
        response: { 204: Type.Null({ description: 'Cancelled.' }), ...ERRORS },
      },
    },
    async (request, reply) => {
      await cancelAppointment(ctx, userId(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/staff/appointment-slots',
    {
      config: { access: AGENTS },
      schema: {
        tags: TAGS,
        summary: 'Publish one slot, or a weekly series (days of the week × start times over a date range, at most 500 slots), in one of my préfectures.',
        headers: CsrfHeadersSchema,
        body: PublishSlotsBodySchema,
        response: { 201: PublishedSlotsSchema, ...ERRORS, 422: ProblemSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await publishSlots(ctx, staff(request), request.body, auditOrigin(request))),
  );

  app.delete(
    '/api/v1/staff/appointment-slots/:id',
    {
      config: { access: AGENTS },
      schema: {
        tags: TAGS,
        summary: 'Cancel a slot: its bookings are cancelled and each applicant told in the app.',
        headers: CsrfHeadersSchema,
        params: SlotParamsSchema,
        response: { 200: CancelledSlotSchema, ...ERRORS },
      },
    },
    async (request) => cancelSlot(ctx, staff(request), request.params.id, auditOrigin(request)),
  );

  app.get(
    '/api/v1/staff/appointment-slots/day',
    {
      config: { access: AGENTS },
      schema: {
        tags: TAGS,
        summary: "The day's list (Europe/Paris) of one of my préfectures: every slot with the people booked and their application reference.",
        querystring: DayQuerySchema,
        response: { 200: DayListSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return listDayAppointments(ctx, staff(request), request.query, auditOrigin(request));
    },
  );
}
