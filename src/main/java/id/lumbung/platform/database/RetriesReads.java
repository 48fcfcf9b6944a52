package id.lumbung.platform.database;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * On a JAX-RS resource class: each of its {@code GET} methods that fails because its database
 * connection was lost is run once more on a fresh connection ({@link ReadRetryInterceptor}). Every
 * resource class carries it (ReadRetryTest checks), so a new endpoint is covered without thought.
 */
@InterceptorBinding
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RetriesReads {
}
