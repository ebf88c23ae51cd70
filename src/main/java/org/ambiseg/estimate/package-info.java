/** The Estimator interface, its implementations, uncertainty maps and mode clustering. */
package org.ambiseg.estimate;
