package dev.merpati.connector.pop3;

/** TOP n k: the header, the blank line after it, then k lines of the body. */
public final class TopFilter implements ContentFilter {

    private int bodyLinesLeft;
    private boolean inHeader = true;
    private boolean lineEmpty = true;
    private boolean done;

    public TopFilter(int bodyLines) {
        this.bodyLinesLeft = bodyLines;
    }

    @Override
    public int accept(byte[] chunk) {
        if (done) {
            return 0;
        }
        for (int i = 0; i < chunk.length; i++) {
            byte b = chunk[i];
            if (inHeader) {
                if (b == '\n') {
                    if (lineEmpty) {
                        inHeader = false;
                        if (bodyLinesLeft == 0) {
                            done = true;
                            return i + 1;
                        }
                    }
                    lineEmpty = true;
                } else if (b != '\r') {
                    lineEmpty = false;
                }
            } else if (b == '\n' && --bodyLinesLeft == 0) {
                done = true;
                return i + 1;
            }
        }
        return chunk.length;
    }

    @Override
    public boolean done() {
        return done;
    }
}
