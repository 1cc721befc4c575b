/**
 * The JCA glue: the resource adapter (config properties, start/stop of the servers), the activation
 * spec, and the invoker that runs listener calls on message endpoints through the WorkManager.
 */
package dev.merpati.connector.ra;
