package com.customk9.platform.error;

import java.lang.reflect.Field;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;

/**
 * Validation errors name a body's fields as the client wrote them: {@code current_password}, not
 * the Java {@code currentPassword}, when a {@code @JsonProperty} renames it.
 */
@ApplicationScoped
public class JsonPropertyNames implements ValidatorFactoryCustomizer, PropertyNodeNameProvider {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.propertyNodeNameProvider(this);
    }

    @Override
    public String getName(Property property) {
        if (property instanceof JavaBeanProperty bean) {
            JsonProperty json = annotation(bean.getDeclaringClass(), bean.getName());
            if (json != null && !json.value().isEmpty()) {
                return json.value();
            }
        }
        return property.getName();
    }

    private static JsonProperty annotation(Class<?> type, String name) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            try {
                Field field = current.getDeclaredField(name);
                return field.getAnnotation(JsonProperty.class);
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        return null;
    }
}
