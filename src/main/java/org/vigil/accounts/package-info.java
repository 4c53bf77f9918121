/**
 * User accounts: roles and what they permit, Argon2id passwords, sign-in with lock-out, web
 * sessions with idle and absolute expiry, API tokens. Every change to an account is an audit event
 * naming who made it; passwords and tokens never reach the audit log or the logs.
 *
 * <p>May use: core, crypto, records, audit.
 */
@NullMarked
package org.vigil.accounts;

import org.jspecify.annotations.NullMarked;
