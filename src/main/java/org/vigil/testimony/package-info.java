/**
 * Sealed witness testimony: intake (needs only custodians' public keys), listing of non-sensitive
 * metadata, audited reads by an unlocked custodian, and custodian key management (init, add,
 * remove, rotate, unlock). Testimony refers to incidents by record id; nothing about a witness is
 * ever written into an incident record, the index, logs or exports.
 *
 * <p>May use: core, schema, crypto, records, audit.
 */
@NullMarked
package org.vigil.testimony;

import org.jspecify.annotations.NullMarked;
