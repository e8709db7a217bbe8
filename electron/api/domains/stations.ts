import { z } from 'zod';
import { method } from '../define';
import { empty } from '../schemas';

/** This installation as a station of the facility. */
export interface StationStatus {
  initialised: boolean;
  stationId: string | null;
  name: string | null;
  /** SHA-256 of the station's public key (SubjectPublicKeyInfo, DER), upper-case hex with colons. */
  keyFingerprint: string | null;
  /** The same fingerprint's first 64 bits in four groups, short enough to read aloud. */
  keyFingerprintSpoken: string | null;
  /** Whether the station holds a certificate from the organisation (it may exchange bundles). */
  enrolled: boolean;
  /** Whether this station holds the organisation's signing identity (it enrols the others). */
  holdsOrganisationIdentity: boolean;
  /**
   * Whether this station's certificate marks it as the command post, whose requests and conflict
   * choices the other stations accept. A command post enrolled before certificates carried the
   * mark holds the identity without it, and renews its certificate (`stations.renewCommandPost`).
   */
  commandPost: boolean;
  /** This station made the station authority, but its certificate lacks the mark: renew it. */
  renewCommandPost: boolean;
  /** SHA-256 of the organisation's station authority certificate, once known here. */
  authorityFingerprint: string | null;
}

/** A station known here: this one, those enrolled here, and those whose bundles arrived. */
export interface StationView {
  stationId: string;
  name: string;
  keyFingerprint: string;
  self: boolean;
  enrolled: boolean;
  enrolledAt: string | null;
  revoked: boolean;
  revokedAt: string | null;
  /** When the last bundle from this station was applied here; null if none yet. */
  lastHeardFrom: string | null;
  /** The last event of that station's chain received here. */
  headId: number | null;
  headHash: string | null;
}

/** What the station holding the organisation identity shows before it enrols a station. */
export interface EnrolmentReview {
  stationId: string;
  name: string;
  keyFingerprint: string;
  keyFingerprintSpoken: string;
  requestedAt: string;
  /** Set when this station ID is already enrolled here (enrolling again issues a new certificate). */
  alreadyEnrolled: boolean;
}

/** A file the caller writes where the person chose: an enrolment request or response. */
export interface StationFile {
  fileName: string;
  content: string;
}

export interface EnrolmentResult extends EnrolmentReview {
  response: StationFile;
  certificateSerial: string;
}

export interface AcceptResult {
  stationId: string;
  name: string;
  authorityFingerprint: string;
  certificateNotAfter: string;
}

/** The station authority certificate, the trust anchor for bundles (`openssl cms -verify -CAfile`). */
export interface AuthorityCertificate {
  fileName: string;
  pem: string;
  fingerprintSha256: string;
}

/** A station name as people say it: "NM laptop 2", "Command post". */
export const stationName = z
  .string()
  .trim()
  .min(1, 'The station needs a name, e.g. "NM laptop 2".')
  .max(64, 'A station name has at most 64 characters.')
  .regex(/^[^\p{Cc}]+$/u, 'A station name cannot contain control characters.');

/** A station ID as `station init` makes it (a random UUID). */
export const stationId = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Not a station ID.');

/** An enrolment request or response file as text (JSON, a few kilobytes). */
const stationFileText = z.string().min(2).max(64_000);

export const stationMethods = {
  'stations.status': method<StationStatus>()(
    empty,
    'This installation as a station: its ID, name, key fingerprint, whether it is enrolled and whether it holds the organisation identity.',
  ),
  'stations.init': method<StationStatus>()(
    z.object({ name: stationName }).strict(),
    'Give this installation its station identity (once): a station ID, the name, and a key pair generated here whose private key never leaves the station.',
  ),
  'stations.request': method<StationFile>()(
    empty,
    'The enrolment request of this station (ID, name, public key, signed with the station key), to take to the station holding the organisation identity.',
  ),
  'stations.reviewRequest': method<EnrolmentReview>()(
    z.object({ request: stationFileText }).strict(),
    'Check an enrolment request and show what to compare with the station before enrolling it: its name and key fingerprint.',
  ),
  'stations.enrol': method<EnrolmentResult>()(
    z.object({ request: stationFileText }).strict(),
    'Issue a station certificate signed with the organisation identity (unlocked) and return the enrolment response for the station.',
  ),
  'stations.renewCommandPost': method<StationStatus>()(
    empty,
    'At the station holding the organisation identity (unlocked): issue this station a new certificate marked as the command post, for one enrolled before certificates carried that mark; the other stations accept its requests and conflict choices from its next bundle.',
  ),
  'stations.accept': method<AcceptResult>()(
    z.object({ response: stationFileText }).strict(),
    'Import the enrolment response: the station certificate for this station and the organisation’s station authority.',
  ),
  'stations.list': method<StationView[]>()(
    empty,
    'Stations known here: ID, name, enrolled, revoked, last heard from.',
  ),
  'stations.revoke': method<StationView>()(
    z.object({ stationId }).strict(),
    'Revoke a station (a lost laptop), signed with the organisation identity; the revocation travels in this station’s bundles.',
  ),
  'stations.authorityCertificate': method<AuthorityCertificate>()(
    empty,
    'The organisation’s station authority certificate (PEM), against which `openssl cms -verify` checks bundles.',
  ),
};
