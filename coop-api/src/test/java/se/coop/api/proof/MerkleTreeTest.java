package se.coop.api.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tree of RFC 6962 §2.1, checked against the test vectors of Certificate Transparency's own implementation. */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The leaf data of certificate-transparency's merkle_tree_test, and the roots of its first 1 to 8 leaves. */
    private static final List<String> DATA =
            List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void theRootsAreThoseOfRfc6962sReferenceVectors() throws Exception {
        List<byte[]> leaves = new ArrayList<>();
        for (int n = 1; n <= DATA.size(); n++) {
            leaves.add(leafOf(HEX.parseHex(DATA.get(n - 1))));
            assertThat(HEX.formatHex(MerkleTree.root(leaves)))
                    .as("root of %d", n)
                    .isEqualTo(ROOTS.get(n - 1));
        }
    }

    @Test
    void theEmptyTreesHashIsTheHashOfNothing() {
        assertThat(HEX.formatHex(MerkleTree.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 8, 13, 64, 100})
    void everyLeafsPathLeadsToTheRootAndNoOtherLeafsDoes(int size) {
        List<byte[]> leaves = IntStream.range(0, size)
                .mapToObj(i -> MerkleTree.leaf("stream-" + i, i, hash(i)))
                .toList();
        byte[] root = MerkleTree.root(leaves);
        for (int i = 0; i < size; i++) {
            List<byte[]> path = MerkleTree.path(leaves, i);
            assertThat(MerkleTree.verify(leaves.get(i), i, size, path, root))
                    .as("leaf %d of %d", i, size)
                    .isTrue();
            int other = (i + 1) % size;
            if (other != i) {
                assertThat(MerkleTree.verify(leaves.get(other), i, size, path, root))
                        .as("leaf %d on the path of %d", other, i)
                        .isFalse();
                assertThat(MerkleTree.verify(leaves.get(i), other, size, path, root))
                        .as("leaf %d at index %d", i, other)
                        .isFalse();
            }
            assertThat(MerkleTree.verify(leaves.get(i), i + size, size, path, root))
                    .as("an index beyond the tree")
                    .isFalse();
        }
    }

    @Test
    void aPathWithOneSiblingChangedOrLeftOutFails() {
        List<byte[]> leaves = IntStream.range(0, 11)
                .mapToObj(i -> MerkleTree.leaf("s" + i, 1, hash(i)))
                .toList();
        byte[] root = MerkleTree.root(leaves);
        List<byte[]> path = MerkleTree.path(leaves, 6);
        List<byte[]> changed = new ArrayList<>(path);
        byte[] sibling = changed.get(1).clone();
        sibling[0] ^= 1;
        changed.set(1, sibling);

        assertThat(MerkleTree.verify(leaves.get(6), 6, 11, changed, root)).isFalse();
        assertThat(MerkleTree.verify(leaves.get(6), 6, 11, path.subList(0, path.size() - 1), root))
                .isFalse();
    }

    @Test
    void aLeafIsTheHashOfItsStreamsIdSequenceAndChainHash() throws Exception {
        byte[] chain = hash(7);
        byte[] leaf = MerkleTree.leaf("å-1", 258, chain);

        byte[] data = HEX.parseHex(
                "00" + "00000004" + HEX.formatHex("å-1".getBytes("UTF-8")) + "0000000000000102" + HEX.formatHex(chain));
        assertThat(leaf).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
        assertThat(MerkleTree.leaf("å-1", 259, chain)).isNotEqualTo(leaf);
        assertThatIllegalArgumentException().isThrownBy(() -> MerkleTree.leaf("x", 1, new byte[31]));
    }

    private static byte[] leafOf(byte[] data) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update((byte) 0);
        return digest.digest(data);
    }

    private static byte[] hash(int i) {
        return MerkleTree.sha256(new byte[] {(byte) i, (byte) (i >> 8)});
    }
}
