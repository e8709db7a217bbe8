import type { stationMethods } from '../../api/domains/stations';
import type { HandlerMap } from '../core/handler';
import {
  acceptEnrolment,
  authorityCertificate,
  enrolmentRequest,
  enrolStation,
  initStation,
  renewCommandPost,
  reviewRequest,
  stationStatus,
} from './enrolment';
import { listStations, revokeStation } from './revocation';

export const stationHandlers: HandlerMap<keyof typeof stationMethods> = {
  'stations.status': (_input, { services }) => stationStatus(services),
  'stations.init': ({ name }, ctx) => initStation(ctx, name),
  'stations.request': (_input, { services }) => enrolmentRequest(services),
  'stations.reviewRequest': ({ request }, { services }) => reviewRequest(services, request),
  'stations.enrol': ({ request }, ctx) => enrolStation(ctx, request),
  'stations.renewCommandPost': (_input, ctx) => renewCommandPost(ctx),
  'stations.accept': ({ response }, ctx) => acceptEnrolment(ctx, response),
  'stations.list': (_input, { services }) => listStations(services),
  'stations.revoke': ({ stationId }, ctx) => revokeStation(ctx, stationId),
  'stations.authorityCertificate': (_input, { services }) => authorityCertificate(services),
};
