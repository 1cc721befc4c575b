package dev.merpati.admin;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The admin REST API under /admin/api. */
@ApplicationPath("/api")
public class AdminApplication extends Application {}
