package dev.merpati.admin;

import dev.merpati.account.AccountException;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Invalid input from the operator: 400 with the reason as text. */
@Provider
public class BadRequestMapper implements ExceptionMapper<AccountException> {

    @Override
    public Response toResponse(AccountException e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.TEXT_PLAIN_TYPE)
                .entity(e.getMessage() + "\n")
                .build();
    }

    static RuntimeException unwrap(EJBException e) {
        return e.getCausedByException() instanceof AccountException a ? a : e;
    }
}
