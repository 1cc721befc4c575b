/**
 * The narrow, mail-speaking contract between the connector (which owns the sockets and parses the
 * protocols) and the message-driven beans that hold the mail logic.
 *
 * <p>Each {@code *Listener} interface is a JCA message listener type: an MDB implements it, the
 * resource adapter calls it, each call in its own container-managed transaction. Calls are made
 * once per protocol command (never per line or per message), always off the network event loop.
 */
package dev.merpati.connector.api;
