// n8n Code node (JavaScript, Run Once for All Items): the ImageKit client, its HTTP through n8n.
const { ImageKit, ImageKitApiError } = require('n8n-nodes-imagekit');

const imagekit = new ImageKit({
	privateKey: 'private_…',
	urlEndpoint: 'https://ik.imagekit.io/your_id',
	// Sends the requests through n8n: the default, fetch, crashes n8n's task runner.
	httpRequest: this.helpers.httpRequest,
});

const url = imagekit.url({
	path: '/reports/chart.png',
	transformation: [{ width: 300 }],
	signed: true,
	expireSeconds: 600,
});
const files = await imagekit.listFiles({ path: '/reports/', limit: 10 });
// Bytes as a Buffer, e.g. an item's binary: await this.helpers.getBinaryDataBuffer(0, 'data')
const uploaded = await imagekit.upload({
	file: Buffer.from([0x00, 0x9f, 0xff, 0x0d, 0x0a]),
	fileName: 'bytes.bin',
	folder: '/from-n8n/',
});

let missing = null;
try {
	await imagekit.getFileDetails('598821f949c0a938d57563bd'); // no such file
} catch (error) {
	if (!(error instanceof ImageKitApiError)) throw error;
	missing = { name: error.name, status: error.status, message: error.message };
}

return [
	{
		json: {
			url,
			files: files.map((file) => file.filePath),
			uploaded: { filePath: uploaded.filePath, url: uploaded.url },
			missing,
		},
	},
];
