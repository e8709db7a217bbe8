import type { BundleExport } from '../../../api/domains/exchange';
import { demoIncident, testNow } from '../../cases/test/case-test-setup';
import { setUpSigningIdentity } from '../../signing/test/test-identity';
import { call, enrol } from '../../stations/test/stations-setup';
import { signInAs, startTestRuntime, tempDir, type TestRuntime } from '../../test/temp-runtime';
import { assessAsExposed, type FacilityStation } from './facility-setup';

/** A command post with no demo data, a floor laptop enrolled there, and the laptop's bundle. */
export interface PostAndLaptop {
  post: TestRuntime;
  laptop: FacilityStation;
  folder: ReturnType<typeof tempDir>;
  /** The laptop's first bundle, written into `folder`. */
  bundle: BundleExport;
  cleanup(): void;
}

/**
 * The command post (organisation identity, no advisory unless `atPost` imports one) enrols "NM
 * laptop 2", whose demo incident works ICSMA-17-215-02 on NM-0003 and NM-0007; NM-0007 is
 * assessed as exposed there; then the laptop writes its bundle. Whoever is signed in afterwards
 * at the laptop is its incident commander.
 */
export async function startPostAndLaptop(
  atPost: (post: TestRuntime) => Promise<void> = async () => {},
): Promise<PostAndLaptop> {
  const post = startTestRuntime(testNow);
  await setUpSigningIdentity(post);
  await call(post, 'stations.init', { name: 'Command post' });
  await atPost(post);
  const laptop = { ...(await demoIncident(['NM-0003', 'NM-0007'])), name: 'NM laptop 2' };
  await signInAs(laptop.rt, 'admin');
  await call(laptop.rt, 'stations.init', { name: laptop.name });
  await enrol(post, laptop.rt);
  await signInAs(laptop.rt, 'incident_commander');
  await assessAsExposed(laptop, 'NM-0007');
  await signInAs(laptop.rt, 'incident_commander');
  const folder = tempDir('standalone-advisory-carriage-');
  const bundle = await call(laptop.rt, 'exchange.export', { outDir: folder.dir });
  return {
    post,
    laptop,
    folder,
    bundle,
    cleanup() {
      post.cleanup();
      laptop.rt.cleanup();
      folder.cleanup();
    },
  };
}
