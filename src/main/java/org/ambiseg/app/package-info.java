/** The JavaFX desktop application: views, view-models, background services and rendering. */
package org.ambiseg.app;
