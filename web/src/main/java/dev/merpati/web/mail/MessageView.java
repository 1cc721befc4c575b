package dev.merpati.web.mail;

import dev.merpati.mailbox.Address;
import dev.merpati.mailbox.Envelope;
import dev.merpati.mailbox.Flag;
import dev.merpati.mailbox.FlagUpdate;
import dev.merpati.mailbox.Folder;
import dev.merpati.mailbox.MailboxService;
import dev.merpati.mailbox.MessageDetails;
import dev.merpati.mailbox.MimeNode;
import dev.merpati.mailbox.PartContent;
import dev.merpati.mailbox.SpecialUse;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One message of the user's, at a bookmarkable address ({@code /mail/read.xhtml?folder=F&uid=U}):
 * its headers, its text (plain text escaped with links and quote levels; HTML sanitised in a
 * sandboxed frame) and its attachments. Opening it marks it seen.
 */
@Named
@RequestScoped
public class MessageView {

    /** Plain text larger than this is cut in the view (the whole part can be downloaded). */
    static final int MAX_TEXT = 1024 * 1024;

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm").withZone(ZoneOffset.UTC);

    @EJB
    private MailboxService mailboxes;

    private String folder = "INBOX";
    private long uid;
    private MessageDetails message;
    private String text = "";
    private String target;

    /**
     * The folder and UID come as request parameters, in the address and as hidden fields of the
     * action form, so a form post knows its message before the view's components are evaluated.
     */
    @jakarta.annotation.PostConstruct
    void readParameters() {
        var parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        if (parameters.get("folder") != null) {
            folder = parameters.get("folder");
        }
        try {
            if (parameters.get("uid") != null) {
                uid = Long.parseLong(parameters.get("uid"));
            }
        } catch (NumberFormatException e) {
            uid = 0;
        }
    }

    /** The message, read once per request (also on a form post, where the view action does not run). */
    private MessageDetails details() {
        if (message == null) {
            message = mailboxes.message(folder, uid).orElseThrow(() -> new IllegalStateException("no message " + uid));
        }
        return message;
    }

    /** Loads the message named by the view parameters, or answers 404 when it is not the user's. */
    public void load() throws IOException {
        Optional<MessageDetails> found = mailboxes.message(folder, uid);
        if (found.isEmpty()) {
            FacesContext.getCurrentInstance()
                    .getExternalContext()
                    .responseSendError(HttpServletResponse.SC_NOT_FOUND, "No such message");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        message = found.get();
        if (!message.summary().seen()) {
            mailboxes.updateFlags(folder, List.of(uid), FlagUpdate.add(Flag.SEEN));
        }
        if (find(message.structure(), "text/html") == null) {
            MimeNode plain = find(message.structure(), "text/plain");
            if (plain != null) {
                text = MailHtml.text(read(plain));
            }
        }
    }

    /** The first part of that type that is not an attachment, depth first (HTML before text in an alternative). */
    private static MimeNode find(MimeNode node, String type) {
        if (node.isMessage() && !node.path().isEmpty()) {
            return null; // an attached message is shown as an attachment
        }
        if (!node.isMultipart() && !node.isAttachment() && node.mimeType().equals(type)) {
            return node;
        }
        for (MimeNode child : node.children()) {
            MimeNode found = find(child, type);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private String read(MimeNode part) {
        try (InputStream in = mailboxes
                .openPart(folder, uid, part.path().isEmpty() ? "1" : part.path())
                .map(PartContent::content)
                .orElse(InputStream.nullInputStream())) {
            return new String(in.readNBytes(MAX_TEXT), Charsets.of(part.charset()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** IMAP's number of a part; the body of a message of one part is "1". */
    private static String partNumber(MimeNode part) {
        return part.path().isEmpty() ? "1" : part.path();
    }

    // ---- actions (each a form post protected by the view state; afterwards the browser is redirected)

    public String markUnread() {
        mailboxes.updateFlags(folder, List.of(uid), FlagUpdate.remove(Flag.SEEN));
        return backToFolder();
    }

    public String toggleFlagged() {
        boolean flagged = mailboxes
                .message(folder, uid)
                .map(m -> m.summary().has(Flag.FLAGGED))
                .orElse(false);
        mailboxes.updateFlags(
                folder, List.of(uid), flagged ? FlagUpdate.remove(Flag.FLAGGED) : FlagUpdate.add(Flag.FLAGGED));
        return "/mail/read.xhtml?faces-redirect=true&folder=" + URLEncoder.encode(folder, StandardCharsets.UTF_8)
                + "&uid=" + uid;
    }

    /** To Trash, as SquirrelMail does; in Trash, for good. */
    public String delete() {
        String trash = trashFolder();
        if (folder.equals(trash)) {
            mailboxes.updateFlags(folder, List.of(uid), FlagUpdate.add(Flag.DELETED));
            mailboxes.expunge(folder, List.of(uid));
        } else {
            mailboxes.move(folder, List.of(uid), trash);
        }
        return backToFolder();
    }

    public String move() {
        if (target != null && !target.isBlank() && !target.equals(folder)) {
            mailboxes.move(folder, List.of(uid), target);
        }
        return backToFolder();
    }

    private String trashFolder() {
        return mailboxes.folders().stream()
                .filter(f -> f.specialUse() == SpecialUse.TRASH)
                .map(Folder::path)
                .findFirst()
                .orElse("Trash");
    }

    private String backToFolder() {
        return "/mail/inbox.xhtml?faces-redirect=true&folder=" + URLEncoder.encode(folder, StandardCharsets.UTF_8);
    }

    /** The folders a message can be moved to. */
    public List<String> getTargets() {
        return mailboxes.folders().stream()
                .map(Folder::path)
                .filter(path -> !path.equals(folder))
                .toList();
    }

    public boolean isFlagged() {
        return details().summary().has(Flag.FLAGGED);
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public List<MimeNode> getAttachments() {
        List<MimeNode> attachments = new ArrayList<>();
        collect(details().structure(), attachments);
        return attachments;
    }

    private static void collect(MimeNode node, List<MimeNode> into) {
        if (node.isAttachment() || (node.isMessage() && !node.path().isEmpty())) {
            into.add(node);
            return;
        }
        node.children().forEach(child -> collect(child, into));
    }

    public String partUrl(MimeNode part, boolean html) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/mail/part?folder="
                + URLEncoder.encode(folder, StandardCharsets.UTF_8) + "&uid=" + uid + "&part=" + partNumber(part)
                + (html ? "&view=html" : "");
    }

    /** The message as stored: shown as plain text, or downloaded as a .eml file. */
    public String sourceUrl(boolean download) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/mail/source?folder="
                + URLEncoder.encode(folder, StandardCharsets.UTF_8) + "&uid=" + uid
                + (download ? "&download=true" : "");
    }

    public String getHtmlUrl() {
        MimeNode html = find(details().structure(), "text/html");
        return html == null ? null : partUrl(html, true);
    }

    public String getText() {
        return text;
    }

    public Envelope getEnvelope() {
        return details().envelope();
    }

    public String addresses(List<Address> addresses) {
        return addresses.stream().map(Address::display).collect(Collectors.joining(", "));
    }

    public String getDate() {
        return DATE.format(details().summary().date()) + " UTC";
    }

    public String getSubject() {
        return message.envelope().subject().isEmpty()
                ? "(no subject)"
                : message.envelope().subject();
    }

    public String fileName(MimeNode part) {
        return PartServlet.fileName(part);
    }

    public String size(long octets) {
        return octets < 1024
                ? octets + " B"
                : octets < 1024 * 1024 ? (octets / 1024) + " KB" : (octets / (1024 * 1024)) + " MB";
    }

    public String getFolder() {
        return folder;
    }

    public void setFolder(String folder) {
        this.folder = folder;
    }

    public long getUid() {
        return uid;
    }

    public void setUid(long uid) {
        this.uid = uid;
    }
}
