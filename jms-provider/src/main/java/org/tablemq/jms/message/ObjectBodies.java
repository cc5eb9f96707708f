package org.tablemq.jms.message;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

import jakarta.jms.MessageFormatException;

import org.tablemq.jms.internal.JmsErrors;

/**
 * Java serialization of ObjectMessage bodies, deserializing only the classes a {@link DeserializationPolicy} trusts
 * and only within its {@link DeserializationLimits}. A graph too deep for the thread's stack fails with a
 * MessageFormatException both ways, never with a StackOverflowError: serialization recurses once per level and
 * cannot be bounded beforehand, so the overflow is caught (it unwinds only the stream, which is then dropped).
 */
final class ObjectBodies {

    private ObjectBodies() {
    }

    static byte[] serialize(Serializable object) throws MessageFormatException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException e) {
            throw JmsErrors.create(new MessageFormatException("Cannot serialize the ObjectMessage body (a "
                    + object.getClass().getName() + "): " + e), e);
        } catch (StackOverflowError e) {
            throw JmsErrors.create(new MessageFormatException("Cannot serialize the ObjectMessage body (a "
                    + object.getClass().getName() + "): its objects are nested too deeply for the stack"
                    + " (receivers read at most objectMaxDepth levels, " + DeserializationLimits.DEFAULT.maxDepth()
                    + " by default)"), e);
        }
        return bytes.toByteArray();
    }

    static Serializable deserialize(byte[] bytes, DeserializationPolicy policy) throws MessageFormatException {
        PolicyFilter filter = new PolicyFilter(policy);
        try (ObjectInputStream in = new ContextClassLoaderInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(filter);
            return (Serializable) in.readObject();
        } catch (InvalidClassException e) {
            if (filter.refusal != null) {
                throw JmsErrors.create(new MessageFormatException("Refused to deserialize the ObjectMessage body: "
                        + filter.refusal), e);
            }
            throw cannotRead(e);
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw cannotRead(e);
        } catch (StackOverflowError e) {
            // only when objectMaxDepth was raised beyond what the thread's stack holds
            throw JmsErrors.create(new MessageFormatException("Refused to deserialize the ObjectMessage body: its"
                    + " objects are nested too deeply for the stack (option objectMaxDepth is "
                    + policy.limits().maxDepth() + ")"), e);
        }
    }

    private static MessageFormatException cannotRead(Exception e) {
        return JmsErrors.create(new MessageFormatException("Cannot deserialize the ObjectMessage body: " + e), e);
    }

    /**
     * Refuses a stream as soon as it exceeds a limit; accepts a class only when the policy trusts it (arrays by their
     * component type, primitives always). Remembers why it refused, for the exception.
     */
    private static final class PolicyFilter implements ObjectInputFilter {
        private final DeserializationPolicy policy;
        private String refusal;

        PolicyFilter(DeserializationPolicy policy) {
            this.policy = policy;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            String exceeded = policy.limits().exceededBy(info);
            if (exceeded != null) {
                refusal = exceeded;
                return Status.REJECTED;
            }
            Class<?> c = info.serialClass();
            if (c == null) {
                return Status.UNDECIDED;
            }
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (c.isPrimitive() || policy.trusts(c.getName())) {
                return Status.ALLOWED;
            }
            refusal = "class " + c.getName() + " is not in a trusted package; add its package (or a prefix of it) to"
                    + " the trustedPackages option " + policy.trustedPackages() + ", or use * to trust every class";
            return Status.REJECTED;
        }
    }

    /** Resolves classes with the thread's context class loader first, so application classes in a container load. */
    private static final class ContextClassLoaderInputStream extends ObjectInputStream {
        ContextClassLoaderInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader tccl = Thread.currentThread().getContextClassLoader();
            if (tccl != null) {
                try {
                    return Class.forName(desc.getName(), false, tccl);
                } catch (ClassNotFoundException e) {
                    // fall back to the default resolution below
                }
            }
            return super.resolveClass(desc);
        }
    }
}
