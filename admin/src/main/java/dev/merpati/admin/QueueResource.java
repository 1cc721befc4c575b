package dev.merpati.admin;

import dev.merpati.pipeline.QueueAdmin;
import dev.merpati.queue.QueueListing;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** mailq, postqueue -f/-i and postsuper -h/-H/-d/-r over HTTP. */
@Path("/queue")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    @EJB
    private QueueAdmin admin;

    @GET
    public List<QueueListing> list() {
        return admin.list();
    }

    /** The same as text, like mailq: one block per entry, a line for each recipient. */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String mailq() {
        return MailqFormat.format(admin.list());
    }

    @GET
    @Path("/{id}")
    public QueueListing show(@PathParam("id") String id) {
        return admin.show(id).orElseThrow(() -> new NotFoundException("no queue entry " + id));
    }

    @POST
    @Path("/flush")
    public Map<String, Integer> flushAll() {
        return Map.of("flushed", admin.flushAll());
    }

    @POST
    @Path("/{id}/flush")
    public Response flush(@PathParam("id") String id) {
        return done(admin.flush(id));
    }

    @POST
    @Path("/{id}/hold")
    public Response hold(@PathParam("id") String id) {
        return done(admin.hold(id));
    }

    @POST
    @Path("/{id}/release")
    public Response release(@PathParam("id") String id) {
        return done(admin.release(id));
    }

    @POST
    @Path("/{id}/requeue")
    public Response requeue(@PathParam("id") String id) {
        return done(admin.requeue(id));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        return done(admin.delete(id));
    }

    /** 204 when done; 409 when the entry is missing or in no state for it (e.g. releasing what is not held). */
    private static Response done(boolean done) {
        return done
                ? Response.noContent().build()
                : Response.status(Response.Status.CONFLICT).build();
    }
}
