package dev.merpati.connector.net;

/** Receives message data as the decoder frees it from the SMTP framing. */
public interface DataSink {

    void write(byte[] bytes, int offset, int length);
}
