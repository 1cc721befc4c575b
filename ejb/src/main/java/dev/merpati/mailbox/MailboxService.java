package dev.merpati.mailbox;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The logged-in user's mail: folders, message lists, messages, flags, copy, move, expunge, append
 * and quota, for the webmail, exports and any other front end. Every call acts for the container's
 * caller principal and needs the {@value MailRoles#MAIL_USER} role; folders are named by path and
 * messages by folder and UID, and anything that is not the caller's own is "not there".
 */
@Stateless
@DeclareRoles({MailRoles.MAIL_USER, MailRoles.MAIL_ADMIN})
@RolesAllowed(MailRoles.MAIL_USER)
public class MailboxService {

    @Resource
    SessionContext session;

    @Inject
    MailboxOwners owners;

    @Inject
    MailboxStore store;

    /** The caller's folders by path, with their counters. */
    public List<Folder> folders() {
        return store.folders(account());
    }

    public Optional<Folder> folder(String path) {
        return store.folder(account(), path);
    }

    /** Subscribed names that have no folder. */
    public List<String> subscriptionsWithoutFolder() {
        return store.subscriptionsWithoutFolder(account());
    }

    public FolderResult createFolder(String path) {
        return store.createFolder(account(), path);
    }

    public FolderResult renameFolder(String from, String to) {
        return store.renameFolder(account(), from, to);
    }

    public FolderResult deleteFolder(String path) {
        return store.deleteFolder(account(), path);
    }

    public FolderResult subscribe(String path, boolean subscribed) {
        return store.subscribe(account(), path, subscribed);
    }

    /** A page of the folder's message list; empty when there is no such folder. */
    public Optional<Page> page(String folder, PageRequest request) {
        long account = account();
        return store.folder(account, folder).flatMap(f -> store.page(account, f.id(), request));
    }

    /** A page of the folder's messages that meet the criteria; empty when there is no such folder. */
    public Optional<Page> search(String folder, SearchCriteria criteria, PageRequest request) {
        long account = account();
        return store.folder(account, folder).flatMap(f -> store.search(account, f.id(), criteria, request));
    }

    /** The message with its envelope and MIME structure; empty when it is not there. */
    public Optional<MessageDetails> message(String folder, long uid) {
        long account = account();
        return store.folder(account, folder).flatMap(f -> store.message(account, f.id(), uid));
    }

    /** The message as stored, read chunk by chunk while the stream is read. */
    public Optional<InputStream> open(String folder, long uid) {
        long account = account();
        return store.folder(account, folder)
                .flatMap(f -> store.message(account, f.id(), uid))
                .flatMap(m -> store.open(account, m.summary().id()));
    }

    /** One part of a message, decoded while read; empty when it is not there. */
    public Optional<PartContent> openPart(String folder, long uid, String part) {
        long account = account();
        return store.folder(account, folder).flatMap(f -> store.openPart(account, f.id(), uid, part));
    }

    /** The UIDs of the folder's messages, ascending; empty when there is no such folder. */
    public List<Long> uids(String folder) {
        long account = account();
        return store.folder(account, folder)
                .map(f -> store.uids(account, f.id()))
                .orElse(List.of());
    }

    public List<MessageFlagState> updateFlags(String folder, List<Long> uids, FlagUpdate update) {
        long account = account();
        return store.folder(account, folder)
                .map(f -> store.updateFlags(account, f.id(), uids, update))
                .orElse(List.of());
    }

    public CopyResult copy(String folder, List<Long> uids, String target) {
        return copyOrMove(folder, uids, target, false);
    }

    public CopyResult move(String folder, List<Long> uids, String target) {
        return copyOrMove(folder, uids, target, true);
    }

    private CopyResult copyOrMove(String folder, List<Long> uids, String target, boolean move) {
        long account = account();
        return store.folder(account, folder)
                .map(f -> store.copy(account, f.id(), uids, target, move))
                .orElse(CopyResult.of(CopyResult.Status.NO_SUCH_FOLDER));
    }

    /** Removes the listed messages that are marked deleted ({@code null}: all so marked). */
    public List<Long> expunge(String folder, List<Long> uids) {
        long account = account();
        return store.folder(account, folder)
                .map(f -> store.expunge(account, f.id(), uids))
                .orElse(List.of());
    }

    /** Stores a message in one of the caller's folders (a draft, a sent copy, an import). */
    public AppendResult append(
            String folder,
            InputStream content,
            long size,
            Set<Flag> flags,
            List<String> keywords,
            Instant internalDate) {
        return store.append(account(), folder, content, size, flags, keywords, internalDate);
    }

    public Quota quota() {
        return store.quota(account());
    }

    private long account() {
        String caller = session.getCallerPrincipal().getName();
        return owners.accountOf(caller).orElseThrow(() -> new EJBAccessException("no mail account for " + caller));
    }
}
