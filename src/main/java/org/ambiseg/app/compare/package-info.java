/**
 * The compare view: several estimators side by side on the same case with the same N and seed, each
 * with its mean probability, first samples and per-case metrics.
 */
package org.ambiseg.app.compare;
