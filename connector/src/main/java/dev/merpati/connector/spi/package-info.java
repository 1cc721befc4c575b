/**
 * The seam between the protocol servers and whatever runs the listener calls: the resource adapter's
 * message endpoints in production, plain objects in tests.
 */
package dev.merpati.connector.spi;
