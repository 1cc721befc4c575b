package dev.merpati.admin;

import dev.merpati.account.AccountService;
import dev.merpati.rewrite.RewriteAdmin;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;

/**
 * Domains, domain aliases, accounts, the aliases table and forwards. Targets are sent as plain
 * text, as in /etc/aliases or ~/.forward: addresses separated by commas, blanks or new lines.
 */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RewriteResource {

    @EJB
    private RewriteAdmin rewrite;

    @EJB
    private AccountService accounts;

    @PUT
    @Path("domains/{name}")
    public Response addDomain(@PathParam("name") String name) {
        call(() -> {
            rewrite.addDomain(name);
            return null;
        });
        return Response.noContent().build();
    }

    @PUT
    @Path("domain-aliases/{alias}")
    public Response addDomainAlias(@PathParam("alias") String alias, @QueryParam("domain") String domain) {
        call(() -> {
            rewrite.putDomainAlias(alias, domain);
            return null;
        });
        return Response.noContent().build();
    }

    /** Creates an account; the request body is its password. */
    @PUT
    @Path("accounts/{address}")
    @Consumes(MediaType.TEXT_PLAIN)
    public Response addAccount(@PathParam("address") String address, String password) {
        call(() -> accounts.createAccount(address, password == null ? null : password.strip()));
        return Response.status(Response.Status.CREATED).build();
    }

    /** Sets an account's password; the request body is the new password. */
    @PUT
    @Path("accounts/{address}/password")
    @Consumes(MediaType.TEXT_PLAIN)
    public Response putPassword(@PathParam("address") String address, String password) {
        return call(() -> accounts.setPassword(address, password == null ? null : password.strip()))
                ? Response.noContent().build()
                : notFound();
    }

    /** Sets an account's storage quota; the body is octets, 0 for unlimited, empty for the default. */
    @PUT
    @Path("accounts/{address}/quota")
    @Consumes(MediaType.TEXT_PLAIN)
    public Response putQuota(@PathParam("address") String address, String bytes) {
        Long quota;
        try {
            quota = bytes == null || bytes.isBlank() ? null : Long.valueOf(bytes.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("The quota must be a number of octets");
        }
        return call(() -> accounts.setQuota(address, quota))
                ? Response.noContent().build()
                : notFound();
    }

    @GET
    @Path("aliases")
    public List<RewriteAdmin.AliasLine> aliases() {
        return rewrite.aliases();
    }

    @PUT
    @Path("aliases/{address}")
    @Consumes(MediaType.TEXT_PLAIN)
    public RewriteAdmin.AliasLine putAlias(@PathParam("address") String address, String targets) {
        return call(() -> rewrite.putAlias(address, targets));
    }

    @DELETE
    @Path("aliases/{address}")
    public Response removeAlias(@PathParam("address") String address) {
        return call(() -> rewrite.removeAlias(address)) ? Response.noContent().build() : notFound();
    }

    @GET
    @Path("forwards/{account}")
    public RewriteAdmin.ForwardSetting forward(@PathParam("account") String account) {
        return call(() -> rewrite.forward(account)).orElseThrow(() -> new NotFoundException("no forward"));
    }

    @PUT
    @Path("forwards/{account}")
    @Consumes(MediaType.TEXT_PLAIN)
    public RewriteAdmin.ForwardSetting putForward(
            @PathParam("account") String account, @QueryParam("keepCopy") boolean keepCopy, String targets) {
        return call(() -> rewrite.putForward(account, targets, keepCopy));
    }

    @DELETE
    @Path("forwards/{account}")
    public Response removeForward(@PathParam("account") String account) {
        return call(() -> rewrite.removeForward(account)) ? Response.noContent().build() : notFound();
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).build();
    }

    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (EJBException e) {
            throw BadRequestMapper.unwrap(e);
        }
    }
}
