/** The training dashboard: set up, watch, pause, stop and resume training runs in the app. */
package org.ambiseg.app.training;
