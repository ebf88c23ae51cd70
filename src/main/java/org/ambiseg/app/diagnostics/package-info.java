/** Measuring the app itself: FX-thread responsiveness and latency percentiles. */
package org.ambiseg.app.diagnostics;
