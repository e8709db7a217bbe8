import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ExportJobProgress, ExportJobStarted } from '../../api/domains/exports';
import type { Language } from '../../api/languages';
import type { Services } from '../core/context';
import { ServiceError, wordedError } from '../core/errors';
import { heapKeeper } from '../core/heap';
import { startWork } from '../core/running-work';
import { createFolder } from '../storage/create-folder';
import { currentMounts, networkPath } from '../storage/local-path';
import { systemCause } from '../storage/system-error';
import { requireUnlockedIdentity } from '../signing/identity';
import { exportCase } from './exports';

/**
 * Many device case PDFs at once, one file per case, as a job the UI polls for its progress bar.
 * Jobs live in the services process's memory: they are a convenience for one session, and the
 * files they wrote stay when the process ends. The job yields between PDFs (each export awaits),
 * so other calls are served while it runs.
 */

interface Job extends ExportJobProgress {
  caseIds: number[];
  language: Language | undefined;
  cancelRequested: boolean;
  /** Why the services stopped it (a restore), as opposed to a person cancelling it. */
  stoppedBecause: string | null;
  /** Settles when the job stops (for tests and the CLI). */
  finished: Promise<void>;
}

const jobsByServices = new WeakMap<Services, Map<string, Job>>();
/** Finished jobs kept for polling; the oldest are forgotten beyond this. */
const keptJobs = 50;

function jobsOf(services: Services): Map<string, Job> {
  let jobs = jobsByServices.get(services);
  if (!jobs) {
    jobs = new Map();
    jobsByServices.set(services, jobs);
  }
  return jobs;
}

/** The folder to write into: a new one under the data folder, or an absolute one given. */
export function exportDirectory(
  services: Services,
  requested: string | undefined,
  jobId: string,
): string {
  if (requested === undefined) {
    const stamp = services.clock.now().toISOString().replace(/[:.]/g, '-');
    return path.join(services.dataDir, 'exports', `cases-${stamp}-${jobId.slice(0, 8)}`);
  }
  if (requested.includes('\0')) {
    throw wordedError('invalid_input', 'exportDirNul', {}, { field: 'directory' });
  }
  const network = networkPath(requested, currentMounts());
  if (network) {
    throw wordedError(
      'invalid_input',
      'exportDirNetwork',
      { folder: requested },
      { field: 'directory', technical: network.technical },
      { terms: { cause: network.term } },
    );
  }
  if (!path.isAbsolute(requested)) {
    throw wordedError(
      'invalid_input',
      'exportDirNotAbsolute',
      { folder: requested },
      { field: 'directory' },
    );
  }
  if (requested.split(/[\\/]+/).includes('..')) {
    throw wordedError(
      'invalid_input',
      'exportDirUp',
      { folder: requested },
      { field: 'directory' },
    );
  }
  return path.resolve(requested);
}

function snapshot(job: Job): ExportJobProgress {
  return {
    jobId: job.jobId,
    state: job.state,
    directory: job.directory,
    total: job.total,
    done: job.done,
    files: [...job.files],
    failures: [...job.failures],
    error: job.error,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

/** Write one file atomically: an interrupted export never leaves half a PDF. */
function writeAtomically(file: string, bytes: Buffer): void {
  const temp = `${file}.partial`;
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

async function run(
  services: Services,
  job: Job,
  onWritten: (caseId: number, fileName: string, directory: string) => void,
): Promise<void> {
  // Each PDF is a large object graph dropped when written: without this, a thousand of them left
  // the process over 150 MB larger (the old generation grown to hold their garbage).
  const heap = heapKeeper();
  for (const caseId of job.caseIds) {
    heap.tick();
    if (job.cancelRequested) {
      job.state = 'cancelled';
      job.error = job.stoppedBecause;
      break;
    }
    try {
      const { fileName, pdf } = await exportCase(services, caseId, job.language);
      writeAtomically(path.join(job.directory, fileName), pdf);
      job.files.push(fileName);
      onWritten(caseId, fileName, job.directory);
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'forbidden') {
        // The key was locked meanwhile: no later case can be signed either.
        job.state = 'failed';
        job.error = error.message;
        break;
      }
      job.failures.push({ caseId, message: (error as Error).message });
    }
    job.done++;
  }
  if (job.state === 'running') job.state = 'done';
  job.finishedAt = services.clock.now().toISOString();
}

export function startCaseBatch(
  services: Services,
  caseIds: readonly number[],
  requestedDirectory: string | undefined,
  /** Called for each file written (the handler audits it). */
  onWritten: (caseId: number, fileName: string, directory: string) => void = () => undefined,
  language?: Language,
): ExportJobStarted & { finished: Promise<void> } {
  requireUnlockedIdentity(services);
  const jobId = randomBytes(16).toString('hex');
  const directory = exportDirectory(services, requestedDirectory, jobId);
  createFolder(directory, 'exportFolder');
  try {
    fs.accessSync(directory, fs.constants.W_OK);
  } catch (error) {
    const { lists, details } = systemCause(error);
    throw wordedError(
      'storage_error',
      'exportDirNotWritable',
      { folder: directory },
      { field: 'directory', ...details },
      lists,
    );
  }
  const unique = [...new Set(caseIds)];
  const jobs = jobsOf(services);
  const job: Job = {
    jobId,
    state: 'running',
    directory,
    total: unique.length,
    done: 0,
    files: [],
    failures: [],
    error: null,
    startedAt: services.clock.now().toISOString(),
    finishedAt: null,
    caseIds: unique,
    language,
    cancelRequested: false,
    stoppedBecause: null,
    finished: Promise.resolve(),
  };
  const stop = (reason: string) => {
    job.cancelRequested = true;
    job.stoppedBecause = reason;
  };
  // Tracked, so that a restore stops it (after the PDF being written) before the database goes.
  job.finished = startWork(
    services,
    { kind: 'batch_pdf_export', what: 'batch PDF export', stop },
    () =>
      run(services, job, onWritten).catch((error: unknown) => {
        job.state = 'failed';
        job.error = (error as Error).message;
        job.finishedAt = services.clock.now().toISOString();
      }),
  ).then(() => undefined);
  jobs.set(jobId, job);
  for (const [id, old] of jobs) {
    if (jobs.size <= keptJobs) break;
    if (old.state !== 'running') jobs.delete(id);
  }
  return { jobId, directory, total: unique.length, finished: job.finished };
}

function findJob(services: Services, jobId: string): Job {
  const job = jobsOf(services).get(jobId);
  if (!job) {
    throw wordedError('not_found', 'exportJobUnknown', { id: jobId });
  }
  return job;
}

export function jobProgress(services: Services, jobId: string): ExportJobProgress {
  return snapshot(findJob(services, jobId));
}

export function cancelJob(services: Services, jobId: string): ExportJobProgress {
  const job = findJob(services, jobId);
  if (job.state === 'running') job.cancelRequested = true;
  return snapshot(job);
}

/** For tests and the CLI: wait until a job stops. */
export async function waitForJob(services: Services, jobId: string): Promise<ExportJobProgress> {
  await findJob(services, jobId).finished;
  return jobProgress(services, jobId);
}
