/**
 * The browser workspace and the REST API: HTTP routes (one controller per capability), jte
 * templates, sign-in and sessions, and the single exception-to-HTTP mapper.
 *
 * <p>May use: core, schema, crypto, accounts, archive, records (its store classes, never {@code
 * java.sql}), audit, search (its service types, never Lucene's), review, export, ingest, accounts,
 * testimony. Never app or cli: the app hands the server a {@link org.vigil.web.Workspace}.
 */
@NullMarked
package org.vigil.web;

import org.jspecify.annotations.NullMarked;
