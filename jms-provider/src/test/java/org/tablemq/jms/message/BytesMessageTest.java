package org.tablemq.jms.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;

import org.junit.jupiter.api.Test;

class BytesMessageTest {

    @Test
    void everyTypeReadsBackAfterReset() throws JMSException {
        TableMQBytesMessage m = new TableMQBytesMessage();
        m.writeBoolean(true);
        m.writeByte((byte) -2);
        m.writeShort((short) -300);
        m.writeChar('é');
        m.writeInt(123456);
        m.writeLong(-9L);
        m.writeFloat(1.5f);
        m.writeDouble(2.5);
        m.writeUTF("héllo ✓");
        m.writeBytes(new byte[] {1, 2, 3});
        m.writeBytes(new byte[] {9, 4, 5, 9}, 1, 2);
        m.reset();
        assertThat(m.readBoolean()).isTrue();
        assertThat(m.readByte()).isEqualTo((byte) -2);
        assertThat(m.readShort()).isEqualTo((short) -300);
        assertThat(m.readChar()).isEqualTo('é');
        assertThat(m.readInt()).isEqualTo(123456);
        assertThat(m.readLong()).isEqualTo(-9L);
        assertThat(m.readFloat()).isEqualTo(1.5f);
        assertThat(m.readDouble()).isEqualTo(2.5);
        assertThat(m.readUTF()).isEqualTo("héllo ✓");
        byte[] buf = new byte[10];
        assertThat(m.readBytes(buf)).isEqualTo(5);
        assertThat(buf).startsWith(1, 2, 3, 4, 5);
        assertThat(m.readBytes(buf)).isEqualTo(-1);
    }

    @Test
    void unsignedReadsSeeTheRawBits() throws JMSException {
        TableMQBytesMessage m = new TableMQBytesMessage();
        m.writeByte((byte) -1);
        m.writeShort((short) -1);
        m.reset();
        assertThat(m.readUnsignedByte()).isEqualTo(255);
        assertThat(m.readUnsignedShort()).isEqualTo(65535);
    }

    @Test
    void readingInWriteOnlyModeIsRefused() throws JMSException {
        TableMQBytesMessage m = new TableMQBytesMessage();
        m.writeInt(1);
        assertThatThrownBy(m::readInt).isInstanceOf(MessageNotReadableException.class).hasMessageContaining("reset()");
        assertThatThrownBy(m::getBodyLength).isInstanceOf(MessageNotReadableException.class);
    }

    @Test
    void writingAfterResetIsRefusedUntilClearBody() throws JMSException {
        TableMQBytesMessage m = new TableMQBytesMessage();
        m.writeInt(1);
        m.reset();
        assertThatThrownBy(() -> m.writeInt(2)).isInstanceOf(MessageNotWriteableException.class);
        m.clearBody();
        m.writeInt(3);
        m.reset();
        assertThat(m.getBodyLength()).isEqualTo(4);
        assertThat(m.readInt()).isEqualTo(3);
    }

    @Test
    void readingPastTheEndThrowsMessageEOFException() throws JMSException {
        TableMQBytesMessage m = new TableMQBytesMessage();
        m.writeShort((short) 1);
        m.reset();
        assertThatThrownBy(m::readInt).isInstanceOf(MessageEOFException.class);
    }

    @Test
    void resetRewindsToTheFirstByte() throws JMSException {
        TableMQBytesMessage m = new TableMQBytesMessage();
        m.writeInt(7);
        m.reset();
        assertThat(m.readInt()).isEqualTo(7);
        m.reset();
        assertThat(m.readInt()).isEqualTo(7);
    }

    @Test
    void readBytesWithLengthHonoursTheLength() throws JMSException {
        TableMQBytesMessage m = new TableMQBytesMessage(new byte[] {1, 2, 3, 4});
        m.reset();
        byte[] buf = new byte[4];
        assertThat(m.readBytes(buf, 3)).isEqualTo(3);
        assertThat(m.readBytes(buf, 3)).isEqualTo(1);
        assertThat(buf[0]).isEqualTo((byte) 4);
        assertThatThrownBy(() -> m.readBytes(buf, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void writeObjectWritesBoxedValuesAndRefusesOthers() throws JMSException {
        TableMQBytesMessage m = new TableMQBytesMessage();
        m.writeObject(5);
        m.writeObject("s");
        m.writeObject(new byte[] {8});
        assertThatThrownBy(() -> m.writeObject(new Object())).isInstanceOf(MessageFormatException.class);
        assertThatThrownBy(() -> m.writeObject(null)).isInstanceOf(NullPointerException.class);
        m.reset();
        assertThat(m.readInt()).isEqualTo(5);
        assertThat(m.readUTF()).isEqualTo("s");
        assertThat(m.readByte()).isEqualTo((byte) 8);
    }

    @Test
    void receivedMessageIsReadableFromTheStart() throws JMSException {
        TableMQBytesMessage m = new TableMQBytesMessage();
        m.writeLong(11L);
        m.setReadOnly();
        assertThat(m.readLong()).isEqualTo(11L);
    }

    @Test
    void copyIsIndependent() throws JMSException {
        TableMQBytesMessage m = new TableMQBytesMessage();
        m.writeInt(1);
        TableMQBytesMessage c = (TableMQBytesMessage) m.copy();
        m.writeInt(2);
        c.reset();
        assertThat(c.getBodyLength()).isEqualTo(4);
    }
}
