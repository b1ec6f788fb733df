package io.accord.platform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.accord.platform.problem.InvalidInputException;
import org.springframework.data.jpa.domain.Specification;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * TMF attribute filtering of a list ({@code ?name=Acme&status=validated}): a resource is listed when each named
 * top-level attribute equals one of the values given for it. As TMF630 says, a comma separates alternatives
 * ({@code ?status=validated,closed} is validated OR closed) and so does repeating the parameter; this holds for
 * every attribute, free text included. TMF630 has no escape for a comma inside a value: Accord's is a backslash
 * ({@code ?name=Acme\, Inc.}, see {@link #alternatives}). Declared once per resource type, in the controller.
 * <ul>
 *   <li>Attributes declared with {@link #column} are filtered in the database: use it for every attribute that
 *       is a column, and for every list that can grow large.</li>
 *   <li>Any other simple top-level attribute of the resource record (text, number, boolean, date, enum, or a list
 *       of these) is compared on the resource as the client sees it, after the database filters, by
 *       {@link ResourceLists}; that scan stops at {@link ResourceLists#MAX_SCAN} candidates.</li>
 *   <li>An unknown parameter, or a structured attribute (an object, a list of objects), answers 400 naming it.</li>
 * </ul>
 *
 * @param <E> the entity the database filters apply to
 */
public final class AttributeFilter<E> {

    /**
     * Parameters that are not filters: paging and attribute selection. ({@code sort} is not supported, so it is
     * refused as an unknown attribute rather than silently ignored.)
     */
    public static final Set<String> RESERVED = Set.of("fields", "offset", "limit");

    private final Map<String, Boolean> attributes;
    private final Map<String, Function<String, Specification<E>>> columns = new LinkedHashMap<>();
    private final Set<String> handledElsewhere = new LinkedHashSet<>();

    private AttributeFilter(Map<String, Boolean> attributes) {
        this.attributes = attributes;
    }

    /** The filter of a resource record: its JSON attribute names are the filterable ones. */
    public static <E> AttributeFilter<E> of(Class<? extends Record> resource) {
        Map<String, Boolean> attributes = new LinkedHashMap<>();
        for (RecordComponent component : resource.getRecordComponents()) {
            attributes.put(jsonName(resource, component), isSimple(component.getGenericType()));
        }
        return new AttributeFilter<>(attributes);
    }

    /**
     * Filters this attribute in the database: {@code criterion} turns one requested value into a condition (and
     * throws {@link InvalidInputException} for a value the attribute can never have).
     */
    public AttributeFilter<E> column(String attribute, Function<String, Specification<E>> criterion) {
        columns.put(attribute, criterion);
        return this;
    }

    /** Parameters the controller binds itself (e.g. {@code relatedParty.id}); not filters of this kind. */
    public AttributeFilter<E> alsoAccepts(String... parameters) {
        handledElsewhere.addAll(Arrays.asList(parameters));
        return this;
    }

    /** The request's filters, split into database conditions and attributes to compare on the resource. */
    public Criteria<E> criteria(Map<String, String[]> parameters) {
        Specification<E> database = Specification.unrestricted();
        Map<String, Set<String>> onResource = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (RESERVED.contains(name) || handledElsewhere.contains(name)) {
                continue;
            }
            List<String> values = alternatives(parameter.getValue());
            if (columns.containsKey(name)) {
                database = database.and(Specification.anyOf(values.stream().map(columns.get(name)).toList()));
            } else if (Boolean.TRUE.equals(attributes.get(name))) {
                onResource.put(name, new LinkedHashSet<>(values));
            } else if (attributes.containsKey(name)) {
                throw new InvalidInputException(name, "'" + name + "' is a structured attribute and cannot be "
                        + "filtered by value; filterable attributes: " + filterable());
            } else {
                throw new InvalidInputException(name, "'" + name + "' is not an attribute of this resource; "
                        + "filterable attributes: " + filterable());
            }
        }
        return new Criteria<>(database, onResource);
    }

    /**
     * The values a filter parameter asks for (TMF630): each occurrence split at its commas, each alternative
     * stripped of surrounding blanks, in order, without repeats. {@code \,} is a comma inside a value (TMF630
     * has no escape; any other backslash is kept as it is). Controllers that bind a filter parameter themselves
     * ({@link #alsoAccepts}) read it through this, so that every list reads a comma the same way.
     *
     * @param occurrences the parameter's values as the request carries them ({@code null} when absent)
     */
    public static List<String> alternatives(String[] occurrences) {
        if (occurrences == null) {
            return List.of();
        }
        Set<String> alternatives = new LinkedHashSet<>();
        for (String occurrence : occurrences) {
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < occurrence.length(); i++) {
                char c = occurrence.charAt(i);
                if (c == '\\' && i + 1 < occurrence.length() && occurrence.charAt(i + 1) == ',') {
                    current.append(',');
                    i++;
                } else if (c == ',') {
                    alternatives.add(current.toString().strip());
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            alternatives.add(current.toString().strip());
        }
        return List.copyOf(alternatives);
    }

    /** What a caller may filter by: the columns, the simple attributes and what the controller binds itself. */
    private String filterable() {
        Set<String> names = new TreeSet<>(columns.keySet());
        names.addAll(handledElsewhere);
        attributes.forEach((name, simple) -> {
            if (simple) {
                names.add(name);
            }
        });
        return String.join(", ", names);
    }

    private static String jsonName(Class<?> resource, RecordComponent component) {
        try {
            Field field = resource.getDeclaredField(component.getName());
            JsonProperty property = field.getAnnotation(JsonProperty.class);
            if (property == null) {
                property = component.getAccessor().getAnnotation(JsonProperty.class);
            }
            return property != null && !property.value().isEmpty() ? property.value() : component.getName();
        } catch (NoSuchFieldException impossible) {
            return component.getName();
        }
    }

    private static boolean isSimple(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            return isScalar(parameterized.getActualTypeArguments()[0]);
        }
        return isScalar(type);
    }

    private static boolean isScalar(Type type) {
        return type instanceof Class<?> c && (c.isPrimitive() || CharSequence.class.isAssignableFrom(c)
                || Number.class.isAssignableFrom(c) || c == Boolean.class || c.isEnum() || c == UUID.class
                || Temporal.class.isAssignableFrom(c));
    }

    /**
     * The filters of one request.
     *
     * @param database   conditions for the database query (unrestricted when none)
     * @param onResource attribute name to accepted values, compared on each resource as the client sees it
     */
    public record Criteria<E>(Specification<E> database, Map<String, Set<String>> onResource) {
    }
}
