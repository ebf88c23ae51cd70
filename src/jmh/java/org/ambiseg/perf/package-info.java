/** JMH benchmarks of AmbiSeg's pure-Java hot paths, each with a stated time budget. */
package org.ambiseg.perf;
