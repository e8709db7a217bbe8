import crypto from 'node:crypto';
import forge from 'node-forge';
import { ServiceError, wordedError } from '../core/errors';
import { forgeCertificateToDer } from './certificate';
import { assertSaneIterations, withCappedDerivation } from './pkcs12-iterations';

/** The largest PKCS#12 file accepted: a key, its certificate and a chain fit in a few KiB. */
export const maxPkcs12Bytes = 64 * 1024;

export interface Pkcs12Contents {
  privateKey: crypto.KeyObject;
  /** The certificate that belongs to the private key. */
  certificateDer: Buffer;
  /** The other certificates in the file (the issuing chain), in file order. */
  chainDer: Buffer[];
}

interface Bag {
  key?: forge.pki.PrivateKey | null;
  cert?: forge.pki.Certificate | null;
  asn1?: forge.asn1.Asn1;
}

function bagsOf(p12: forge.pkcs12.Pkcs12Pfx, type: string): Bag[] {
  return (p12.getBags({ bagType: type })[type] ?? []) as Bag[];
}

function asn1Der(asn1: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/** forge decodes only RSA keys and certificates; others it leaves as ASN.1, which Node reads. */
function keyFromBag(bag: Bag): crypto.KeyObject | null {
  if (bag.key) {
    const info = forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key));
    return crypto.createPrivateKey({ key: asn1Der(info), format: 'der', type: 'pkcs8' });
  }
  if (bag.asn1) {
    try {
      return crypto.createPrivateKey({ key: asn1Der(bag.asn1), format: 'der', type: 'pkcs8' });
    } catch {
      return null;
    }
  }
  return null;
}

function certFromBag(bag: Bag): Buffer | null {
  if (bag.cert) return forgeCertificateToDer(bag.cert);
  // A certificate forge cannot decode (not RSA) is left as its ASN.1.
  return bag.asn1 ? asn1Der(bag.asn1) : null;
}

function spki(key: crypto.KeyObject): Buffer {
  return crypto.createPublicKey(key).export({ type: 'spki', format: 'der' });
}

/**
 * Open a PKCS#12 file from the hospital's PKI: check the password, that it holds exactly one
 * private key and the certificate that belongs to it. Any other certificates are its chain.
 */
export function readPkcs12(content: Buffer, password: string): Pkcs12Contents {
  if (content.length === 0 || content.length > maxPkcs12Bytes) {
    throw wordedError('invalid_input', 'p12Size', {
      maxKib: maxPkcs12Bytes / 1024,
      bytes: content.length,
    });
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(content.toString('binary'));
    // Before any key is derived: a file asking for billions of iterations never starts.
    assertSaneIterations(asn1);
    p12 = withCappedDerivation(() => forge.pkcs12.pkcs12FromAsn1(asn1, false, password));
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/MAC could not be verified|Invalid password/i.test(message)) {
      throw wordedError('invalid_input', 'p12Password');
    }
    // What the PKCS#12 reader said is for IT, behind Details.
    throw wordedError('invalid_input', 'p12Unreadable', {}, { technical: message });
  }
  const keyBags = [
    ...bagsOf(p12, forge.pki.oids.pkcs8ShroudedKeyBag ?? ''),
    ...bagsOf(p12, forge.pki.oids.keyBag ?? ''),
  ];
  if (keyBags.length !== 1) {
    throw keyBags.length === 0
      ? wordedError('invalid_input', 'p12NoKey')
      : wordedError('invalid_input', 'p12ManyKeys', { count: keyBags.length });
  }
  const privateKey = keyFromBag(keyBags[0] as Bag);
  if (!privateKey) {
    throw wordedError('invalid_input', 'p12KeyUnreadable');
  }
  const certs = bagsOf(p12, forge.pki.oids.certBag ?? '')
    .map(certFromBag)
    .filter((c): c is Buffer => c !== null);
  const publicKey = spki(privateKey);
  const own = certs.find((der) => {
    try {
      return new crypto.X509Certificate(der).publicKey
        .export({ type: 'spki', format: 'der' })
        .equals(publicKey);
    } catch {
      return false;
    }
  });
  if (!own) {
    throw wordedError(
      'invalid_input',
      certs.length === 0 ? 'p12NoCertificate' : 'p12NoMatchingCertificate',
    );
  }
  return { privateKey, certificateDer: own, chainDer: certs.filter((c) => c !== own) };
}
