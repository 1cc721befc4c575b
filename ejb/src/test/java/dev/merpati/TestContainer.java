package dev.merpati;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Just enough of a container for tests: the beans' fields are filled by type, one resource-local
 * transaction stands for each JTA transaction, and the DataSource hands out the persistence
 * context's own connection (the body store uses that connection itself inside a transaction).
 */
final class TestContainer implements AutoCloseable {

    private final EntityManagerFactory emf;
    private final List<Object> beans = new ArrayList<>();
    private EntityManager current;

    TestContainer(String name) {
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations(dev.merpati.db.Migrations.locations("h2"))
                .load()
                .migrate();
        emf = Persistence.createEntityManagerFactory(
                "merpati-test", Map.of("jakarta.persistence.jdbc.url", url, "jakarta.persistence.jdbc.user", "sa"));
    }

    <T> T add(T bean) {
        beans.add(bean);
        return bean;
    }

    /** Puts the replacement in the bean's place and wires every bean again (e.g. other settings for one test). */
    <T> T replace(T bean, T replacement) {
        int i = beans.indexOf(bean);
        if (i < 0) {
            throw new IllegalArgumentException("not a bean of this container: " + bean);
        }
        beans.set(i, replacement);
        wire();
        return replacement;
    }

    /** Fills the @Inject (by type, when such a bean was added), @PersistenceContext and @Resource DataSource fields of every bean. */
    void wire() {
        EntityManager em = proxy(EntityManager.class, () -> current);
        DataSource ds = proxy(DataSource.class, null);
        for (Object bean : beans) {
            for (Class<?> c = bean.getClass(); c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    Object value = null;
                    if (field.isAnnotationPresent(PersistenceContext.class)) {
                        value = em;
                    } else if (field.isAnnotationPresent(Resource.class) && field.getType() == DataSource.class) {
                        value = ds;
                    } else if (field.isAnnotationPresent(Inject.class)) {
                        value = beans.stream()
                                .filter(field.getType()::isInstance)
                                .findFirst()
                                .orElse(null); // e.g. JMSContext, which the test doubles never use
                    }
                    if (value != null) {
                        try {
                            field.setAccessible(true);
                            field.set(bean, value);
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
        }
    }

    /** Runs the work in a transaction with a fresh persistence context, like a container-managed call. */
    <T> T inTransaction(Supplier<T> work) {
        current = emf.createEntityManager();
        current.getTransaction().begin();
        try {
            T result = work.get();
            current.getTransaction().commit();
            return result;
        } finally {
            if (current.getTransaction().isActive()) {
                current.getTransaction().rollback();
            }
            current.close();
            current = null;
        }
    }

    void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, Supplier<Object> target) {
        return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            if (type == DataSource.class && method.getName().equals("getConnection")) {
                return sharedConnection();
            }
            try {
                return method.invoke(target.get(), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private Connection sharedConnection() {
        Connection connection = current.unwrap(Connection.class);
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (p, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public void close() {
        emf.close();
    }
}
