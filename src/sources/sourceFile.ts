/** One file from anywhere (a local File, a URL of the bundled sample, later a PACS): a name and its bytes. */
export interface SourceFile {
  readonly name: string;
  read(): Promise<ArrayBuffer>;
  /** The file itself when it is one (a local File): the image loader keeps it rather than a copy of its bytes. */
  readonly blob?: Blob;
}

export function fromLocalFile(file: File): SourceFile {
  const name = file.webkitRelativePath || file.name;
  return { name, read: () => file.arrayBuffer(), blob: file };
}

export function fromUrl(url: string, name: string): SourceFile {
  return {
    name,
    read: async () => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
      return response.arrayBuffer();
    },
  };
}
