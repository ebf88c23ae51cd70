/**
 * The open case and its model: which estimator samples it, with which N and seed, and the result.
 */
package org.ambiseg.app.session;
