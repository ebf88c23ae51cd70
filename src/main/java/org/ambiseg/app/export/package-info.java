/**
 * Exporting what the app shows: stamped animated GIFs of samples or latent sweeps (with a preview
 * dialog), PNG snapshots of views, CSV of per-case scores, and session files that reopen a session.
 */
package org.ambiseg.app.export;
